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
  following.clear();
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
  await Promise.all([refresh(), refreshArticles(), refreshLinks(), refreshSections()]);
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

// ---- upload -------------------------------------------------------------------------------------------------
// Files go from the browser straight to the uploads container: the API signs an address for each file's one name
// (POST /api/upload-grants), the browser PUTs the file there with its progress shown, then follows the upload's state.

const PARALLEL_UPLOADS = 3;
const FOLLOW_MS = 1500;
const FOLLOW_LIMIT_MS = 5 * 60 * 1000;

const FOLLOW_BATCH = 25;

// Statuses of several uploads in one call, by name; an upload not seen yet is absent.
async function statusesOf(names) {
  const found = new Map();
  for (let start = 0; start < names.length; start += FOLLOW_BATCH) {
    const query = names.slice(start, start + FOLLOW_BATCH).map((n) => `upload=${encodeURIComponent(n)}`).join("&");
    const { uploads } = await api(`/api/uploads?${query}`);
    for (const upload of uploads) found.set(upload.name, upload);
  }
  return found;
}

// What an editor wants to know about an upload: is it on the site, waiting for someone, or refused, and why.
function describe(status) {
  if (!status) return { text: "uploaded; waiting for the pipeline to pick it up", done: false, state: "received" };
  const articles = status.articles || [];
  if (status.state === "failed") return { text: `failed: ${status.reason || "no reason given"}`, done: true, state: "failed" };
  if (status.state === "waiting") return { text: `waiting: ${status.reason || "for its article"}`, done: true, state: "waiting" };
  if (status.state !== "published") return { text: status.state === "retrying" ? `retrying: ${status.reason || ""}` : "received; reading it", done: false, state: status.state };
  const held = articles.filter((a) => a.state === "review").length;
  const pending = articles.filter((a) => a.state === "published" && a.renderedVersion < a.version).length;
  const live = articles.filter((a) => a.state === "published" && a.renderedVersion >= a.version).length;
  if (pending > 0) return { text: `read ${articles.length} article${articles.length === 1 ? "" : "s"}; rendering pages`, done: false, state: "received" };
  const parts = [];
  if (live) parts.push(`${live} live`);
  if (held) parts.push(`${held} in review`);
  const other = articles.length - live - held;
  if (other) parts.push(`${other} scheduled or not shown`);
  if (status.shownWith) parts.push(`shown with ${status.shownWith}`);
  const text = parts.length ? parts.join(", ") : "published";
  return { text, done: true, state: held && !live ? "review" : "published", articles };
}

function uploadItem(name) {
  const progress = element("progress", { max: 1, value: 0 });
  progress.setAttribute("aria-label", `Upload of ${name}`);
  const state = element("p", { class: "state", role: "status", textContent: "waiting to upload" });
  const links = element("span", { class: "links" });
  const row = element("li", { "data-name": name }, element("span", { class: "name", textContent: name, dir: "auto" }), progress, state, links);
  return { row, progress, state, links };
}

function showState(item, described) {
  item.state.textContent = described.text;
  item.state.className = `state state-${described.state}`;
  item.row.dataset.state = described.state;
  item.links.replaceChildren(...(described.articles || []).filter((a) => a.url && a.state === "published")
    .map((a) => element("a", { href: a.url, textContent: a.headline, dir: "auto" })));
}

function putFile(url, file, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("PUT", url);
    request.setRequestHeader("x-ms-blob-type", "BlockBlob");
    request.setRequestHeader("content-type", file.type || "application/octet-stream");
    request.upload.addEventListener("progress", (event) => { if (event.lengthComputable) onProgress(event.loaded, event.total); });
    request.addEventListener("load", () => {
      if (request.status >= 200 && request.status < 300) resolve();
      else reject(new Error(`storage refused the file (${request.status} ${request.getResponseHeader("x-ms-error-code") || request.statusText})`));
    });
    request.addEventListener("error", () => reject(new Error("storage could not be reached; check the connection and try again")));
    request.send(file);
  });
}

// Every upload of this tab still on its way, followed together: one call a round for up to 25 of them.
const following = new Map();
let followTimer = null;

function follow(name, item, before) {
  following.set(name, { item, before, started: Date.now() });
  if (!followTimer) followTimer = setTimeout(followRound, FOLLOW_MS);
}

async function followRound() {
  followTimer = null;
  try {
    const found = await statusesOf([...following.keys()]);
    let finished = false;
    for (const [name, entry] of following) {
      const status = found.get(name);
      const described = describe(status && status.updatedAt !== entry.before ? status : null);
      showState(entry.item, described);
      if (!described.done && Date.now() - entry.started > FOLLOW_LIMIT_MS) {
        entry.item.state.textContent += " (still going: see Recent uploads)";
        described.done = true;
      }
      if (described.done) {
        following.delete(name);
        finished = true;
      }
    }
    if (finished) await Promise.all([refresh(), refreshArticles(), refreshSections()]);
  } catch (error) {
    if (error instanceof SignedOut) {
      following.clear();
      showSignIn(`Signed out: ${error.message}.`);
      return;
    }
    // A missed round is retried on the next one.
  }
  if (following.size > 0) followTimer = setTimeout(followRound, FOLLOW_MS);
}

async function uploadOne(entry, before) {
  const { item, grant } = entry;
  if (grant.error) {
    showState(item, { text: `not uploaded: ${grant.error.message}`, state: "failed" });
    item.progress.hidden = true;
    return;
  }
  item.state.textContent = "uploading";
  await putFile(grant.url, entry.file, (loaded, total) => {
    item.progress.max = total;
    item.progress.value = loaded;
    item.state.textContent = `uploading ${Math.floor((loaded / total) * 100)} %`;
  });
  item.progress.value = item.progress.max;
  showState(item, describe(null));
  follow(grant.name, item, before);
}

async function uploadAll(entries) {
  const section = $("upload-section").value.trim();
  const list = $("upload-list");
  for (const entry of entries) {
    entry.item = uploadItem(section ? `${section}/${entry.path}` : entry.path);
    list.prepend(entry.item.row);
  }
  for (let start = 0; start < entries.length; start += 100) {
    const batch = entries.slice(start, start + 100);
    const answer = await api("/api/upload-grants", {
      method: "POST",
      body: JSON.stringify({ section: section || null, files: batch.map((e) => ({ name: e.path, size: e.file.size })) }),
    });
    answer.items.forEach((grant, index) => {
      batch[index].grant = grant;
      if (grant.name) {
        batch[index].item.row.dataset.name = grant.name;
        batch[index].item.row.querySelector(".name").textContent = grant.name;
      }
    });
  }
  // A file uploaded again under a name already seen: its state counts once the pipeline has updated it.
  const earlier = await statusesOf(entries.filter((e) => e.grant.url).map((e) => e.grant.name));
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const entry = entries[next++];
      try {
        await uploadOne(entry, earlier.get(entry.grant.name)?.updatedAt);
      } catch (error) {
        if (error instanceof SignedOut) throw error;
        showState(entry.item, { text: `not uploaded: ${error.message}`, state: "failed" });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, entries.length) }, worker));
}

function hidden(path) {
  return path.split("/").some((part) => part.startsWith("."));
}

// A chosen folder's files come with the folder's own name first; they keep their paths below it, as with the CLI.
function fromInput(files, isFolder) {
  return Array.from(files).map((file) => ({
    file,
    path: isFolder && file.webkitRelativePath ? file.webkitRelativePath.split("/").slice(1).join("/") : file.name,
  }));
}

async function fromDrop(dataTransfer) {
  const out = [];
  for (const item of Array.from(dataTransfer.items || [])) {
    const entry = item.webkitGetAsEntry && item.webkitGetAsEntry();
    if (!entry) continue;
    if (entry.isDirectory) {
      // A dropped folder's files keep their paths below it.
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await readTree(child, "", out);
      }
    } else {
      await readTree(entry, "", out);
    }
  }
  if (out.length === 0) for (const file of Array.from(dataTransfer.files || [])) out.push({ file, path: file.name });
  return out;
}

async function readTree(entry, prefix, out) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    out.push({ file, path: prefix + file.name });
    return;
  }
  const reader = entry.createReader();
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await readTree(child, `${prefix}${entry.name}/`, out);
  }
}

function start(entries) {
  const wanted = entries.filter((e) => !hidden(e.path));
  const skipped = entries.length - wanted.length;
  if (wanted.length === 0) {
    say(skipped ? "Only hidden files were chosen; nothing to upload." : "No files were chosen.", true);
    return;
  }
  say(`Uploading ${wanted.length} file${wanted.length === 1 ? "" : "s"}${skipped ? ` (${skipped} hidden skipped)` : ""}.`);
  guarded(() => uploadAll(wanted));
}

for (const [id, isFolder] of [["upload-files", false], ["upload-folder", true]]) {
  $(id).addEventListener("change", (event) => {
    start(fromInput(event.target.files, isFolder));
    event.target.value = "";
  });
}
const drop = $("drop");
drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  fromDrop(event.dataTransfer).then(start, (error) => say(`The dropped files could not be read: ${error.message}`, true));
});
$("upload-form").addEventListener("submit", (event) => event.preventDefault());

async function refreshSections() {
  const { items } = await api("/api/articles?top=100");
  const sections = [...new Set(items.map((a) => a.section))].sort();
  $("sections").replaceChildren(...sections.map((s) => element("option", { value: s })));
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
