// 应急货源报批表: the print button of the printable form (no inline handlers under the CSP).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
});
