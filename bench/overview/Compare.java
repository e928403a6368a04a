import java.sql.*; import java.util.*; import java.nio.file.*;

/**
 * Interleaved comparison of overview statements on one JDBC connection, for deciding between variants on a shared,
 * noisy machine: each round runs every statement once (same transaction setup as AssessmentOverview.forEach), 20
 * rounds of warm-up, then p25/p50/p75 per statement and a hash of the first result (rows, columns, order) so that
 * variants can be checked to answer the same.
 *
 * <pre>
 *   java -cp &lt;classpath&gt; Compare.java &lt;jdbcUrl&gt; &lt;password&gt; &lt;rootPath e.g. /BENCH/&gt; &lt;setCode&gt; &lt;asOf&gt; &lt;rounds&gt; &lt;file.sql&gt;...
 * </pre>
 *
 * Statement files use ?1 asOf, ?2 set, ?3 path prefix, ?4 prefix end (bench/overview/variants/).
 */
public class Compare {
  public static void main(String[] a) throws Exception {
    String url=a[0], pw=a[1], path=a[2], set=a[3], asOf=a[4]; int rounds=Integer.parseInt(a[5]);
    List<String> names=new ArrayList<>(); List<PreparedStatement> ps=new ArrayList<>();
    Connection c=DriverManager.getConnection(url,"postgres",pw); c.setAutoCommit(false);
    Statement st=c.createStatement();
    for (int i=6;i<a.length;i++){ String sql=Files.readString(Path.of(a[i])); List<String> order=new ArrayList<>(); StringBuilder sb=new StringBuilder();
      var m=java.util.regex.Pattern.compile("\\?(\\d)").matcher(sql); while(m.find()){order.add(m.group(1)); m.appendReplacement(sb,"?");} m.appendTail(sb);
      PreparedStatement p=c.prepareStatement(sb.toString());
      for(int k=0;k<order.size();k++){ switch(order.get(k)){case "1"->p.setObject(k+1,java.time.LocalDate.parse(asOf)); case "2"->p.setString(k+1,set); case "3"->p.setString(k+1,path); default->p.setString(k+1,path+Character.MAX_VALUE);} }
      names.add(a[i]); ps.add(p);}
    List<List<Long>> t=new ArrayList<>(); for(var x:ps) t.add(new ArrayList<>());
    List<String> first=new ArrayList<>();
    for(int r=0;r<rounds+20;r++) for(int i=0;i<ps.size();i++){ long t0=System.nanoTime(); st.execute("set local plan_cache_mode = force_custom_plan");
      StringBuilder h=new StringBuilder(); int n=0; try(ResultSet rs=ps.get(i).executeQuery()){int cc=rs.getMetaData().getColumnCount(); while(rs.next()){ for(int k=1;k<=cc;k++){String s=rs.getString(k); if(r==0) h.append(s).append('|');} if(r==0)h.append('\n'); n++;}}
      c.commit(); if(r>=20) t.get(i).add(System.nanoTime()-t0); if(r==0){ first.add(n+" rows hash "+h.toString().hashCode()); } }
    for(int i=0;i<ps.size();i++){ long[] s=t.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf("%-28s p50 %.2f ms p25 %.2f p75 %.2f  %s%n", names.get(i), s[s.length/2]/1e6, s[s.length/4]/1e6, s[3*s.length/4]/1e6, first.get(i)); }
  }
}
