// Behaviour shared by every page. The CSP forbids inline scripts, so pages mark elements with data- attributes
// and this file wires them up.
(function () {
  'use strict';

  // Send the CSRF token with every htmx request.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  function batchForm(id) {
    return Array.prototype.slice.call(document.querySelectorAll('input[data-crm-row][form="' + id + '"]'));
  }

  function refreshBatch(id) {
    var rows = batchForm(id);
    var selected = rows.filter(function (r) { return r.checked; }).length;
    document.querySelectorAll('[data-crm-batch-bar="' + id + '"] [data-crm-selected-count]').forEach(function (el) {
      el.textContent = String(selected);
    });
    document.querySelectorAll('[data-crm-batch][form="' + id + '"]').forEach(function (button) {
      button.disabled = selected === 0;
    });
    document.querySelectorAll('[data-crm-select-all="' + id + '"]').forEach(function (all) {
      all.checked = rows.length > 0 && selected === rows.length;
      all.indeterminate = selected > 0 && selected < rows.length;
    });
  }

  function init() {
    document.querySelectorAll('[data-crm-batch-bar]').forEach(function (bar) {
      refreshBatch(bar.getAttribute('data-crm-batch-bar'));
    });
    document.addEventListener('change', function (event) {
      var target = event.target;
      var all = target.getAttribute && target.getAttribute('data-crm-select-all');
      if (all) {
        batchForm(all).forEach(function (r) { r.checked = target.checked; });
        refreshBatch(all);
      } else if (target.hasAttribute && target.hasAttribute('data-crm-row')) {
        refreshBatch(target.getAttribute('form'));
      } else if (target.hasAttribute && target.hasAttribute('data-crm-autosubmit') && target.form) {
        // A filter that applies as soon as it is chosen (an inline onchange would be blocked by the CSP).
        target.form.requestSubmit ? target.form.requestSubmit() : target.form.submit();
      }
    });
    // Buttons that need a confirmation: data-crm-confirm="text".
    document.addEventListener('click', function (event) {
      var el = event.target.closest && event.target.closest('[data-crm-confirm]');
      if (el && !window.confirm(el.getAttribute('data-crm-confirm'))) {
        event.preventDefault();
      }
      var toggle = event.target.closest && event.target.closest('[data-crm-toggle="sidebar"]');
      if (toggle) {
        document.getElementById('crm-sidebar').classList.toggle('show');
      }
    });
    // Open a modal on load when the server says so (a form in it came back with errors).
    document.querySelectorAll('.modal[data-crm-open]').forEach(function (modal) {
      if (window.bootstrap) {
        window.bootstrap.Modal.getOrCreateInstance(modal).show();
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
