// Behaviour the pages share, kept out of the HTML so that the Content Security Policy allows no inline script.
document.addEventListener('DOMContentLoaded', function () {
  // A button with data-confirm asks before its form is sent.
  document.querySelectorAll('[data-confirm]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      if (!window.confirm(button.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
  // Import review: the request text shows only for items kept as requests (kiến nghị).
  document.querySelectorAll('#proposals .item-kind').forEach(function (select) {
    select.addEventListener('change', function () {
      select.closest('tr').querySelector('.request-text').hidden = select.value !== 'REQUEST';
    });
  });
});
