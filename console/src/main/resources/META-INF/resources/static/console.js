// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // the person's time zone, so that the server shows times as their clock does
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var current = (document.cookie.match(/(?:^|; )tz=([^;]*)/) || [])[1];
    if (zone && decodeURIComponent(current || '') !== zone) {
      document.cookie = 'tz=' + encodeURIComponent(zone) + '; Path=/; Max-Age=31536000; SameSite=Lax';
      if (!sessionStorage.getItem('tz-reloaded')) {
        sessionStorage.setItem('tz-reloaded', '1');
        location.reload();
      }
    }
  } catch (e) { /* an old browser: times stay in the default zone */ }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select.autosubmit').forEach(function (select) {
      select.addEventListener('change', function () { select.form.submit(); });
    });
  });
})();
