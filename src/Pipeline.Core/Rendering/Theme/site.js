// Progressive enhancement for every page: a copy button beside the short link. Served from the site itself, so the
// Content-Security-Policy can stay at script-src 'self'; without JavaScript the link is still there to select.
(function () {
  'use strict';

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand('copy');
    } catch (e) {
      copied = false;
    }
    document.body.removeChild(area);
    return copied ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', function () {
      copy(button.getAttribute('data-copy')).then(
        function () { button.textContent = 'Copied'; },
        function () { button.textContent = 'Select the link to copy it'; }
      ).then(function () {
        window.setTimeout(function () { button.textContent = label; }, 2500);
      });
    });
  });
})();
