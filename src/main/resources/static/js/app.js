// Behaviour the pages share, kept out of the HTML so that the Content Security Policy allows no inline script.
document.addEventListener('DOMContentLoaded', function () {
  // On a phone the header folds into one "Trình đơn" button (app.css); without script the menu simply stays open.
  var toggle = document.querySelector('.menu-toggle');
  if (toggle) {
    var topbar = toggle.closest('.topbar');
    topbar.classList.add('foldable');
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      var open = topbar.classList.toggle('open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
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
  document.querySelectorAll('input[data-unit-picker]').forEach(unitPicker);
  document.querySelectorAll('select[data-sets-for]').forEach(setsForUnit);
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
// A criteria-set field beside an area field offers only the sets of the area's province, in force on the form's date.
function setsForUnit(select) {
  var form = select.form;
  var unit = form && form.querySelector('[name="' + select.dataset.setsFor + '"]');
  if (!unit) {
    return;
  }
  function refresh() {
    var code = unit.value.trim();
    if (!/^[A-Za-z0-9._-]+$/.test(code)) {
      return;
    }
    var day = form.querySelector('input[name=asOf]');
    var query = [];
    if (day && day.value) {
      query.push('asOf=' + encodeURIComponent(day.value));
    }
    if (select.dataset.setsOwn) {
      query.push('own=true');
    }
    var url = select.dataset.setsSource + encodeURIComponent(code) + '/criteria-sets' + (query.length ? '?' + query.join('&') : '');
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (options) {
        if (!options || options.length === 0) {
          return;
        }
        var chosen = select.value;
        select.textContent = '';
        options.forEach(function (option) {
          var element = document.createElement('option');
          element.value = option.code;
          element.textContent = option.label;
          element.selected = option.code === chosen;
          select.appendChild(element);
        });
      })
      .catch(function () {});
  }
  unit.addEventListener('change', refresh);
  var day = form.querySelector('input[name=asOf]');
  if (day) {
    day.addEventListener('change', refresh);
  }
  refresh();
}

// Pick, don't type: a unit field suggests the units of the reader's jurisdiction as they type (diacritics ignored), on
// the tree of the form's asOf date or today, with a switch to the tree before the 2025 reform. Choosing puts the code in
// the field and the name beside it; without this script the field takes a code or a name as typed.
function unitPicker(input) {
  var many = input.dataset.unitPicker === 'many';
  var go = input.dataset.unitPicker === 'go';
  var list = document.createElement('ul');
  var status = document.createElement('div');
  var wrap = document.createElement('span');
  var listId = 'unit-options-' + Math.random().toString(36).slice(2);
  var label = input.parentNode.querySelector('.unit-label');
  var form = input.form;
  var items = [];
  var active = -1;
  var timer = null;
  var reform = false;
  var asked = 0;
  wrap.className = 'unit-picker';
  input.parentNode.insertBefore(wrap, input);
  wrap.appendChild(input);
  list.id = listId;
  list.className = 'unit-options';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  status.className = 'unit-options-footer';
  wrap.appendChild(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  if (!label) {
    label = document.createElement('small');
    label.className = 'unit-label muted';
    label.hidden = true;
    wrap.parentNode.insertBefore(label, wrap.nextSibling);
  }

  function term() {
    var value = input.value;
    return many ? value.substring(value.lastIndexOf(',') + 1).trim() : value.trim();
  }

  function asOf() {
    if (reform) {
      return '2025-06-30';
    }
    var field = form && form.querySelector('input[name=asOf]');
    return field && field.value ? field.value : '';
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function day(iso) {
    var p = iso.split('-');
    return Number(p[2]) + '/' + Number(p[1]) + '/' + p[0];
  }

  function show(answer, query) {
    items = answer.items;
    list.textContent = '';
    active = -1;
    if (items.length === 0) {
      var none = document.createElement('li');
      none.className = 'unit-none';
      none.textContent = input.dataset.none.replace('{q}', query);
      list.appendChild(none);
    }
    items.forEach(function (item, index) {
      var option = document.createElement('li');
      option.id = listId + '-' + index;
      option.setAttribute('role', 'option');
      var name = document.createElement('span');
      name.className = 'unit-option-name';
      name.textContent = item.label;
      var where = document.createElement('span');
      where.className = 'unit-option-where muted';
      where.textContent = (item.parentName ? item.parentName + ' · ' : '') + item.code;
      option.appendChild(name);
      option.appendChild(where);
      option.addEventListener('mousedown', function (event) {
        event.preventDefault();
        choose(index);
      });
      list.appendChild(option);
    });
    var footer = document.createElement('li');
    footer.className = 'unit-options-footer';
    footer.setAttribute('role', 'presentation');
    var tree = document.createElement('span');
    tree.className = 'muted';
    tree.textContent = input.dataset.tree.replace('{d}', day(answer.asOf)) + (reform || answer.asOf > '2025-06-30' ? ' · ' : '');
    var toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'link unit-tree-switch';
    toggle.textContent = reform ? input.dataset.now : input.dataset.before;
    toggle.addEventListener('mousedown', function (event) {
      event.preventDefault();
      reform = !reform;
      search();
    });
    footer.appendChild(tree);
    // The switch only matters for today's tree (after the reform of 1/7/2025) or to come back to it.
    if (reform || answer.asOf > '2025-06-30') {
      footer.appendChild(toggle);
    }
    list.appendChild(footer);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function search() {
    var query = term();
    if (query.length < 2) {
      close();
      return;
    }
    var url = input.dataset.source + '?q=' + encodeURIComponent(query) + '&level=' + encodeURIComponent(input.dataset.levels || '');
    if (asOf()) {
      url += '&asOf=' + encodeURIComponent(asOf());
    }
    var ticket = ++asked;
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (answer && ticket === asked && document.activeElement === input) {
          show(answer, query);
        }
      })
      .catch(function () { close(); });
  }

  function highlight(index) {
    var options = list.querySelectorAll('[role=option]');
    options.forEach(function (option, i) { option.classList.toggle('active', i === index); });
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    }
  }

  function choose(index) {
    var item = items[index];
    if (!item) {
      return;
    }
    if (input.dataset.unitPicker === 'go') {
      window.location.href = input.dataset.target + encodeURIComponent(item.code);
      return;
    }
    if (many) {
      var value = input.value;
      var head = value.lastIndexOf(',') >= 0 ? value.substring(0, value.lastIndexOf(',') + 1) + ' ' : '';
      input.value = head + item.code + ', ';
    } else {
      input.value = item.code;
      label.textContent = item.label + (item.parentName ? ' · ' + item.parentName : '');
      label.hidden = false;
    }
    close();
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  input.addEventListener('input', function () {
    if (!many && !go) {
      label.hidden = true;
    }
    clearTimeout(timer);
    timer = setTimeout(search, 200);
  });
  input.addEventListener('keydown', function (event) {
    if (list.hidden) {
      return;
    }
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      highlight(Math.min(active + 1, items.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', close);
}


// A header dropdown (details.nav-more) closes when the reader clicks elsewhere or presses Escape.
document.addEventListener('click', function (event) {
  document.querySelectorAll('details.nav-more[open]').forEach(function (menu) {
    if (!menu.contains(event.target)) {
      menu.open = false;
    }
  });
});
document.addEventListener('keydown', function (event) {
  if (event.key === 'Escape') {
    document.querySelectorAll('details.nav-more[open]').forEach(function (menu) { menu.open = false; });
  }
});
