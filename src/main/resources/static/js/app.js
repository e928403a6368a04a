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

// A canvas with data-chart (a Chart.js configuration written by the server) is drawn once Chart.js has loaded; the
// table beside it carries the same figures for screen readers and anyone who cannot tell the colours apart.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof window.Chart === 'undefined') {
    return;
  }
  var meeting = document.body.classList.contains('meeting');
  if (meeting) {
    window.Chart.defaults.font.size = 18;
  }
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var spec = JSON.parse(canvas.dataset.chart);
    // as wide as its card, keeping the proportions of its width and height attributes, on a phone as on a projector
    spec.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: true,
      aspectRatio: meeting ? (spec.options && spec.options.indexAxis === 'y' ? 2.4 : 3.2) : canvas.width / canvas.height }, spec.options || {});
    new window.Chart(canvas, spec);
  });
});
