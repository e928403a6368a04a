package vn.ntmtracker.registers;

/**
 * Who a household is: its village and code in the village register, and — optional personal data (Nghị định
 * 13/2023/NĐ-CP) — the head's name, identity number and address.
 */
record HouseholdIdentity(String villageCode, String code, String headName, String idNumber, String address) {
}
