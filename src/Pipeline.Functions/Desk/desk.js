// The editors' desk: review held articles and follow uploads, through the management API on this origin.
// Everything shown is set with textContent, never parsed as HTML: headlines and reasons come from uploaded files.

const KEY = "pipeline-desk-key";
const REFRESH_MS = 4000;

const $ = (id) => document.getElementById(id);
const notice = $("notice");
let timer = null;

function say(text, isError = false) {
  notice.textContent = text;
  notice.classList.toggle("error", isError);
}

function element(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === "class") node.className = value;
    else if (name in node) node[name] = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

class SignedOut extends Error {}

async function api(path, options = {}) {
  const key = sessionStorage.getItem(KEY);
  if (!key) throw new SignedOut();
  const response = await fetch(path, {
    ...options,
    headers: { "x-functions-key": key, ...(options.body ? { "content-type": "application/json" } : {}) },
  });
  if (response.status === 401) throw new SignedOut("the key was refused");
  const text = await response.text();
  const body = text && (response.headers.get("content-type") || "").includes("json") ? JSON.parse(text) : null;
  if (!response.ok) {
    const message = body && body.message ? body.message : `${response.status} ${response.statusText}`;
    throw new Error(message);
  }
  return body;
}

function showSignIn(message) {
  clearInterval(timer);
  timer = null;
  sessionStorage.removeItem(KEY);
  $("work").hidden = true;
  $("sign-out").hidden = true;
  $("sign-in").hidden = false;
  say(message || "", Boolean(message));
  $("key").focus();
}

async function showWork() {
  $("sign-in").hidden = true;
  $("work").hidden = false;
  $("sign-out").hidden = false;
  await Promise.all([refresh(), refreshArticles(), refreshLinks()]);
  if (!timer) timer = setInterval(() => refresh().catch(() => {}), REFRESH_MS);
}

async function guarded(action) {
  try {
    await action();
  } catch (error) {
    if (error instanceof SignedOut) showSignIn(error.message ? `Signed out: ${error.message}.` : "");
    else say(error.message, true);
  }
}

function when(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleString();
}

// ---- review -------------------------------------------------------------------------------------------------

function field(id, label, value, multiline = false) {
  const input = multiline
    ? element("textarea", { id, rows: 3, dir: "auto" })
    : element("input", { type: "text", id, dir: "auto" });
  input.value = value || "";
  return [element("label", { htmlFor: id, textContent: label }), input];
}

function reviewCard(article) {
  const id = article.id;
  const [headlineLabel, headline] = field(`headline-${id}`, "Headline", article.headline);
  const approve = element("button", { type: "button", textContent: "Approve and publish" });
  const reject = element("button", { type: "button", class: "secondary", textContent: "Reject" });
  const reasons = element("ul", { class: "reasons" });
  for (const reason of article.reviewReasons || []) reasons.append(element("li", { textContent: reason }));

  // The rest of what the pipeline read, filled in once the article's content is fetched.
  const details = element("div", { class: "details" });
  const read = element("div", { class: "source" });
  const original = {};
  const inputs = {};
  api(`/api/articles/${encodeURIComponent(id)}`).then(({ content }) => {
    const values = {
      byline: content.byline,
      summary: (content.summary || []).join("\n"),
      caption: content.caption,
      credit: content.imageCredit,
    };
    const labels = { byline: "Byline", summary: "Summary (one point a line)", caption: "Picture caption", credit: "Picture credit" };
    for (const [name, value] of Object.entries(values)) {
      const [label, input] = field(`${name}-${id}`, labels[name], value, name === "summary");
      original[name] = input.value;
      inputs[name] = input;
      details.append(label, input);
    }
    const paragraphs = [content.dateline ? `${content.dateline}:` : "", ...(content.paragraphs || []).slice(0, 3)].filter(Boolean);
    read.append(element("p", { class: "hint", textContent: "The story as read (first paragraphs):" }));
    for (const text of paragraphs) read.append(element("p", { textContent: text, dir: "auto" }));
  }).catch(() => read.append(element("p", { class: "hint", textContent: "The story's text could not be loaded." })));

  approve.addEventListener("click", () => guarded(async () => {
    approve.disabled = reject.disabled = true;
    const corrections = {};
    const newHeadline = headline.value.trim();
    if (newHeadline && newHeadline !== article.headline) corrections.headline = newHeadline;
    for (const [name, input] of Object.entries(inputs)) {
      if (input.value === original[name]) continue;
      corrections[name] = name === "summary"
        ? input.value.split("\n").map((line) => line.trim()).filter(Boolean)
        : input.value.trim();
    }
    try {
      const published = await api(`/api/articles/${encodeURIComponent(id)}/approve`, { method: "POST", body: JSON.stringify(corrections) });
      say(`Published “${published.headline}”.`);
      await Promise.all([refresh(), refreshArticles()]);
    } finally {
      approve.disabled = reject.disabled = false;
    }
  }));
  reject.addEventListener("click", () => guarded(async () => {
    approve.disabled = reject.disabled = true;
    try {
      await api(`/api/articles/${encodeURIComponent(id)}/reject`, { method: "POST" });
      say(`Rejected “${article.headline}”.`);
      await refresh();
    } finally {
      approve.disabled = reject.disabled = false;
    }
  }));

  return element("li", { class: "card", "data-article": id },
    element("h3", { textContent: article.headline, dir: "auto" }),
    element("p", { class: "meta", textContent: `${article.section} · from ${article.sourceBlob} · version ${article.version}` }),
    element("p", { textContent: "Held because:" }),
    reasons,
    element("div", { class: "review-grid" },
      element("div", {}, headlineLabel, headline, details),
      read),
    element("div", { class: "actions" }, approve, reject));
}

async function refreshReview() {
  const { items } = await api("/api/review?top=50");
  const list = $("review");
  // Keep a card an editor is typing in: replace the list only when the held articles changed.
  const ids = items.map((a) => a.id).join(",");
  if (list.dataset.ids === ids) return;
  list.dataset.ids = ids;
  list.replaceChildren(...items.map(reviewCard));
  $("review-empty").hidden = items.length > 0;
}

// ---- uploads ------------------------------------------------------------------------------------------------

function uploadRow(upload) {
  const actions = element("td");
  if (upload.state === "failed") {
    const retry = element("button", { type: "button", class: "secondary", textContent: "Retry" });
    retry.setAttribute("aria-label", `Retry ${upload.name}`);
    retry.addEventListener("click", () => guarded(async () => {
      retry.disabled = true;
      const path = upload.name.split("/").map(encodeURIComponent).join("/");
      const result = await api(`/api/uploads/${path}/retry`, { method: "POST" });
      say(`${upload.name}: ${result.state}.`);
      await refresh();
    }));
    actions.append(retry);
  }
  const reason = upload.reason || (upload.warningCount > 0 ? `${upload.warningCount} warning${upload.warningCount === 1 ? "" : "s"}` : "");
  return element("tr", { "data-upload": upload.name },
    element("td", { class: "name", textContent: upload.name }),
    element("td", { class: `state state-${upload.state}`, textContent: upload.state }),
    element("td", { textContent: `${upload.articleIds.length} article${upload.articleIds.length === 1 ? "" : "s"}` }),
    element("td", { textContent: when(upload.updatedAt) }),
    element("td", { textContent: reason, dir: "auto" }),
    actions);
}

async function refreshUploads() {
  const { uploads } = await api("/api/uploads?top=50");
  const table = $("uploads");
  table.tBodies[0].replaceChildren(...uploads.map(uploadRow));
  table.hidden = uploads.length === 0;
  $("uploads-empty").hidden = uploads.length > 0;
}

// ---- articles -----------------------------------------------------------------------------------------------

function articleCard(article) {
  const unpublish = element("button", { type: "button", class: "secondary", textContent: "Unpublish" });
  unpublish.setAttribute("aria-label", `Unpublish ${article.headline}`);
  unpublish.addEventListener("click", () => guarded(async () => {
    if (!window.confirm(`Unpublish “${article.headline}”? Its page will say it was removed.`)) return;
    unpublish.disabled = true;
    await api(`/api/articles/${encodeURIComponent(article.id)}`, { method: "DELETE" });
    say(`Unpublished “${article.headline}”.`);
    await refreshArticles();
  }));
  const title = element("h3", { dir: "auto" });
  title.append(article.url ? element("a", { href: article.url, textContent: article.headline }) : article.headline);
  return element("li", { class: "card", "data-article": article.id },
    title,
    element("p", { class: "meta", textContent: `${article.section} · published ${when(article.publishedAt)} · ${article.shortUrl}` }),
    element("div", { class: "actions" }, unpublish));
}

async function refreshArticles() {
  const section = $("articles-section").value.trim().toLowerCase();
  const query = section ? `&section=${encodeURIComponent(section)}` : "";
  const { items } = await api(`/api/articles?top=20${query}`);
  $("articles").replaceChildren(...items.map(articleCard));
  $("articles-empty").hidden = items.length > 0;
}

$("articles-form").addEventListener("submit", (event) => {
  event.preventDefault();
  guarded(refreshArticles);
});

// ---- links --------------------------------------------------------------------------------------------------

function linkRow(link) {
  const clicks = element("td", { class: "clicks" });
  const count = element("button", { type: "button", class: "secondary", textContent: "Show clicks" });
  count.setAttribute("aria-label", `Show clicks of ${link.code}`);
  count.addEventListener("click", () => guarded(async () => {
    const details = await api(`/api/links/${encodeURIComponent(link.code)}`);
    const { clicks: people, bots } = details.clicks;
    clicks.replaceChildren(`${people} ${people === 1 ? "person" : "people"}, ${bots} ${bots === 1 ? "bot" : "bots"}`);
  }));
  clicks.append(count);

  const archive = element("button", { type: "button", class: "secondary", textContent: "Archive" });
  archive.setAttribute("aria-label", `Archive ${link.code}`);
  archive.addEventListener("click", () => guarded(async () => {
    if (!window.confirm(`Archive ${link.shortUrl}? It will answer “gone” from now on.`)) return;
    await api(`/api/links/${encodeURIComponent(link.code)}`, { method: "DELETE" });
    say(`Archived ${link.shortUrl}.`);
    await refreshLinks();
  }));

  const target = element("td", { class: "name" });
  target.append(element("span", { textContent: link.url, dir: "ltr" }));
  if (link.title) target.append(element("br"), element("span", { class: "hint", textContent: link.title, dir: "auto" }));
  return element("tr", { "data-link": link.code },
    element("td", {}, element("a", { href: link.shortUrl, textContent: link.shortUrl.replace(/^https?:\/\//, "") })),
    target,
    clicks,
    element("td", {}, link.archivedAt ? "archived" : archive));
}

async function refreshLinks() {
  const { links } = await api("/api/links?top=20");
  const table = $("links");
  table.tBodies[0].replaceChildren(...links.map(linkRow));
  table.hidden = links.length === 0;
  $("links-empty").hidden = links.length > 0;
}

$("link-form").addEventListener("submit", (event) => {
  event.preventDefault();
  guarded(async () => {
    const body = { url: $("link-url").value.trim() };
    if ($("link-code").value.trim()) body.code = $("link-code").value.trim();
    if ($("link-title").value.trim()) body.title = $("link-title").value.trim();
    const link = await api("/api/links", { method: "POST", body: JSON.stringify(body) });
    $("link-form").reset();
    say(`Created ${link.shortUrl} → ${link.url}`);
    await refreshLinks();
  });
});

async function refresh() {
  await Promise.all([refreshReview(), refreshUploads()]);
}

// ---- start --------------------------------------------------------------------------------------------------

$("sign-in-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY, $("key").value.trim());
  $("key").value = "";
  say("");
  guarded(showWork);
});
$("sign-out").addEventListener("click", () => showSignIn(""));

if (sessionStorage.getItem(KEY)) guarded(showWork);
else showSignIn("");
