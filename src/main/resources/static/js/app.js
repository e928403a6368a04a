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
  // Import review: the source text stays level with the row being edited. The panel sticks to the top of the window;
  // when a row (or the header, or a status row) takes the focus, the panel scrolls so that the row's passage stands at
  // the row's height, and is outlined. Scrolling the page keeps them together; a marked passage leads to its row.
  var panel = document.getElementById('doc-text');
  var form = document.getElementById('review-form');
  if (panel && form) {
    var active = null;
    var align = function () {
      if (!active) {
        return;
      }
      var mark = document.getElementById(active.dataset.src);
      if (!mark) {
        return;
      }
      var rowTop = active.getBoundingClientRect().top - panel.getBoundingClientRect().top;
      var room = Math.max(0, Math.min(rowTop, panel.clientHeight - mark.offsetHeight - 8));
      panel.scrollTop = mark.offsetTop - room;
    };
    var activate = function (row) {
      if (!row || row === active) {
        align();
        return;
      }
      document.querySelectorAll('#doc-text mark.active').forEach(function (m) { m.classList.remove('active'); });
      document.querySelectorAll('#review-form .editing').forEach(function (r) { r.classList.remove('editing'); });
      active = row;
      row.classList.add('editing');
      var mark = document.getElementById(row.dataset.src);
      if (mark) {
        mark.classList.add('active');
      }
      align();
    };
    form.addEventListener('focusin', function (event) {
      activate(event.target.closest('[data-src]'));
    });
    form.querySelectorAll('a.src-link').forEach(function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        activate(link.closest('[data-src]'));
      });
    });
    // A problem listed at the top leads to its row, and the text to the row's passage.
    document.querySelectorAll('#problems a[href^="#"]').forEach(function (link) {
      link.addEventListener('click', function () {
        var target = document.getElementById(link.getAttribute('href').substring(1));
        if (target && target.dataset.src) {
          window.requestAnimationFrame(function () { activate(target); });
        }
      });
    });
    var pending = false;
    window.addEventListener('scroll', function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(function () { pending = false; align(); });
      }
    });
    panel.querySelectorAll('mark[id]').forEach(function (mark) {
      mark.addEventListener('click', function () {
        var label = mark.id.substring(4);
        var row = document.getElementById(label === 'Số' ? 'header'
          : label.indexOf('TC') === 0 ? 'status-' + label.substring(2) : 'item-' + label);
        if (row) {
          row.scrollIntoView({ block: 'center' });
          var field = row.querySelector('textarea, input[type=text], select');
          if (field) {
            field.focus({ preventScroll: true });
          }
          activate(row);
        }
      });
    });
  }
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
