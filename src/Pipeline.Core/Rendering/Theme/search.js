// The search page: loads the site's JSON index (a manifest of monthly shards, newest first) from the site itself and
// matches every word of the query against headlines, summaries and sections. No server, no third-party code.
// Results are built with DOM text nodes, never HTML strings, so indexed text cannot inject markup.
(function () {
  'use strict';

  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var input = document.getElementById('q');
  if (!list || !status || !input) {
    return;
  }

  var base = list.getAttribute('data-base') || '/';
  var manifestUrl = list.getAttribute('data-index');
  var maxResults = 50;
  var shards = [];

  function fold(text) {
    return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      return response.ok ? response.json() : null;
    }, function () { return null; });
  }

  // Shards arrive as they load; each keeps its place so results stay newest first.
  function loadShards(onShard) {
    return getJson(manifestUrl).then(function (manifest) {
      var paths = (manifest && manifest.shards) || [];
      shards = paths.map(function () { return null; });
      return Promise.all(paths.map(function (path, index) {
        return getJson(base + path).then(function (shard) {
          shards[index] = ((shard && shard.articles) || []).map(function (a) {
            a.k = fold([a.h, a.x, a.s, a.b || '', a.e || ''].join(' '));
            return a;
          });
          onShard();
        });
      }));
    });
  }

  function matches(terms) {
    var found = [];
    for (var i = 0; i < shards.length && found.length < maxResults; i++) {
      var shard = shards[i] || [];
      for (var j = 0; j < shard.length && found.length < maxResults; j++) {
        var article = shard[j];
        if (terms.every(function (term) { return article.k.indexOf(term) !== -1; })) {
          found.push(article);
        }
      }
    }
    return found;
  }

  function item(article) {
    var li = document.createElement('li');
    var heading = document.createElement('h2');
    heading.setAttribute('dir', 'auto');
    var link = document.createElement('a');
    link.href = base + article.p;
    link.textContent = article.h;
    heading.appendChild(link);
    li.appendChild(heading);
    var meta = document.createElement('p');
    meta.className = 'item-meta';
    var time = document.createElement('time');
    time.setAttribute('datetime', article.d);
    time.textContent = article.t;
    meta.appendChild(time);
    meta.appendChild(document.createTextNode(' · ' + article.s + (article.b ? ' · By ' + article.b : '')));
    li.appendChild(meta);
    if (article.x) {
      var description = document.createElement('p');
      description.className = 'description';
      description.setAttribute('dir', 'auto');
      description.textContent = article.x;
      li.appendChild(description);
    }
    return li;
  }

  function show(query, done) {
    var terms = fold(query).split(/\s+/).filter(function (t) { return t.length > 0; });
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    if (terms.length === 0) {
      status.textContent = 'Type words from a headline, summary, byline or the story’s opening.';
      return;
    }
    var found = matches(terms);
    found.forEach(function (article) { list.appendChild(item(article)); });
    var count = found.length >= maxResults ? 'The first ' + maxResults + ' results' : found.length + (found.length === 1 ? ' result' : ' results');
    status.textContent = count + ' for \u201c' + query + '\u201d' + (done ? '.' : ' (still loading older articles…)');
  }

  var current = new URLSearchParams(window.location.search).get('q') || '';
  var loaded = false;
  input.value = current;

  function run() {
    current = input.value.trim();
    show(current, loaded);
  }

  var timer = 0;
  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 150);
  });
  input.form.addEventListener('submit', function (event) {
    event.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set('q', input.value.trim());
    window.history.replaceState(null, '', url);
    run();
  });

  status.textContent = 'Loading the search index…';
  loadShards(function () { if (current) { show(current, false); } }).then(function () {
    loaded = true;
    run();
  });
})();
