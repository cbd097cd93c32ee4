// winnow web page. Plain JS against the /v1/extract API. Every string that
// comes from a page is put into the DOM as text (textContent, text nodes),
// never as markup.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);

  // state of the last extraction: the input it was made from, the article
  // (JSON), and the Markdown, fetched the first time that view is opened.
  const state = { input: null, article: null, markdown: null, view: 'page' };

  // reasons maps each removal reason to its one-line explanation, from
  // GET /v1/reasons (the table the CLI's --explain reasons come from).
  const reasons = new Map();
  const reasonsLoaded = fetch('/v1/reasons')
    .then((r) => (r.ok ? r.json() : { reasons: [] }))
    .then((j) => { for (const e of j.reasons || []) reasons.set(e.reason, e.explanation); })
    .catch(() => { /* the labels still show the reason words */ });

  function explain(reason) {
    return reasons.get(reason) || 'Removed as ' + reason + '.';
  }

  // el builds an element; children are nodes or strings (added as text).
  function el(tag, cls, ...children) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    for (const c of children) {
      if (c === null || c === undefined || c === '') continue;
      e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }

  function setStatus(msg, isError) {
    const s = $('status');
    s.textContent = msg;
    s.classList.toggle('error', !!isError);
  }

  function readInput() {
    return {
      url: $('url').value.trim(),
      html: $('html').value,
      focus: $('focus').value,
      links: $('links').checked,
      images: $('images').checked,
    };
  }

  // optionParams are the input's options as query parameters, only those
  // that differ from the defaults.
  function optionParams(input, q) {
    if (input.focus && input.focus !== 'balanced') q.set('focus', input.focus);
    if (input.links) q.set('links', '1');
    if (!input.images) q.set('images', '0');
    return q;
  }

  // callAPI asks the server for the input in one format.
  async function callAPI(input, format) {
    const q = optionParams(input, new URLSearchParams({ format: format, explain: '1' }));
    let resp;
    if (input.html.trim() !== '') {
      resp = await fetch('/v1/extract?' + q, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ html: input.html, url: input.url }),
      });
    } else if (input.url !== '') {
      q.set('url', input.url);
      resp = await fetch('/v1/extract?' + q);
    } else {
      throw new Error('Paste a page URL or its HTML first.');
    }
    if (!resp.ok) {
      let msg = 'HTTP ' + resp.status;
      try {
        const j = await resp.json();
        if (j && j.error) msg = j.error.message + ' (' + j.error.code + ')';
      } catch (_) { /* not JSON: keep the status */ }
      throw new Error(msg);
    }
    return format === 'json' ? resp.json() : resp.text();
  }

  async function extract() {
    const input = readInput();
    const button = $('extract');
    button.disabled = true;
    setStatus('Extracting…');
    try {
      const a = await callAPI(input, 'json');
      await reasonsLoaded;
      state.input = input;
      state.article = a;
      state.markdown = null;
      renderRemoved(a.removed || []);
      $('results').hidden = false;
      await show(state.view);
      updateShare(input);
      const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      $('results').scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
      const words = (a.text || '').split(/\s+/).filter(Boolean).length;
      const kind = a.page_type ? ' (' + a.page_type + ' page)' : '';
      setStatus(a.status === 'ok'
        ? 'Done' + kind + ': ' + words + ' words kept, ' + (a.removed || []).length + ' pieces removed.'
        : 'No main content on this page: ' + a.status.replace('_', ' ') + '.', a.status !== 'ok');
    } catch (err) {
      setStatus(err.message, true);
    } finally {
      button.disabled = false;
    }
  }

  // ---- views ----

  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();

  // standfirstBlock is the index of the body block that repeats the
  // subtitle (a standfirst printed as the first paragraph), or -1: the
  // views show the standfirst once.
  function standfirstBlock(a) {
    if (!a.subtitle) return -1;
    const sub = norm(a.subtitle);
    const blocks = a.blocks || [];
    for (let i = 0; i < Math.min(blocks.length, 4); i++) {
      if (norm(blocks[i].text) === sub) return i;
    }
    return -1;
  }

  // renderHead is the title, the standfirst (unless the body repeats it)
  // and the metadata line.
  function renderHead(root, a, standfirstInBody) {
    if (a.status && a.status !== 'ok') {
      root.append(el('p', 'badge warn', 'Status: ' + a.status));
    }
    root.append(el('h2', 'title', a.title || '(untitled)'));
    if (a.subtitle && !standfirstInBody) root.append(el('p', 'subtitle', a.subtitle));
    const meta = [];
    if (a.authors && a.authors.length) meta.push('By ' + a.authors.join(', '));
    if (a.published) meta.push(a.published.slice(0, 10));
    if (a.site_name) meta.push(a.site_name);
    if (a.language) meta.push(a.language);
    if (a.page_type) meta.push(a.page_type + ' page');
    if (meta.length) root.append(el('p', 'meta', meta.join(' · ')));
  }

  function renderArticle(a) {
    const root = el('article', 'article');
    const sf = standfirstBlock(a);
    renderHead(root, a, sf >= 0);
    (a.blocks || []).forEach((b, i) => {
      const node = renderBlock(b);
      if (!node) return;
      if (i === sf) node.classList.add('subtitle');
      root.append(node);
    });
    if (!a.blocks || a.blocks.length === 0) root.append(el('p', 'empty', 'No body text was kept.'));
    return root;
  }

  // renderPage is the page view: the page's pieces in their order, each
  // kept block and each cut marked in place; a cut shows its reason, and
  // its explanation on hover or keyboard focus.
  function renderPage(a) {
    const root = el('article', 'article page-view');
    const sf = standfirstBlock(a);
    renderHead(root, a, sf >= 0);
    const legend = el('p', 'legend',
      el('span', 'legend-kept', 'Kept'), ' blocks have a solid bar. ',
      el('span', 'legend-cut', 'Cut'), ' pieces are struck through in a dashed box, labelled with the reason; hover or focus one (Tab) for what the reason means.');
    root.append(legend);
    const blocks = a.blocks || [];
    const removed = a.removed || [];
    let r = 0;
    const cut = (i) => {
      const x = removed[i];
      const tipId = 'tip-' + i;
      const label = el('span', 'cut-label', el('span', 'cut-word', 'Cut'), ' ', el('span', 'reason reason-' + reasonClass(x.reason), x.reason));
      const tip = el('span', 'tip', explain(x.reason));
      tip.id = tipId;
      tip.setAttribute('role', 'tooltip');
      const node = el('div', 'piece cut', label, el('span', 'cut-text', x.text), tip);
      node.tabIndex = 0;
      node.id = 'cut-' + i;
      node.dataset.reason = x.reason;
      node.setAttribute('aria-describedby', tipId);
      node.setAttribute('aria-label', 'Cut as ' + x.reason + ': ' + x.text);
      return node;
    };
    for (let i = 0; i <= blocks.length; i++) {
      for (; r < removed.length && (removed[r].before || 0) <= i; r++) root.append(cut(r));
      if (i === blocks.length) break;
      const node = renderBlock(blocks[i]);
      if (!node) continue;
      if (i === sf) node.classList.add('subtitle');
      const kept = el('div', 'piece kept', el('span', 'sr-only', 'Kept: '), node);
      kept.dataset.block = String(i);
      root.append(kept);
    }
    if (blocks.length === 0) root.append(el('p', 'empty', 'No body text was kept.'));
    return root;
  }

  const reasonClass = (reason) => String(reason).replace(/[^a-z-]/g, '');

  // safeURL is u when it is an http(s) address (or a data image), else ''.
  function safeURL(u, dataImage) {
    if (/^https?:\/\//i.test(u || '')) return u;
    if (dataImage && /^data:image\//i.test(u || '')) return u;
    return '';
  }

  // withLinks is text as nodes, with the block's links (byte offsets into
  // the UTF-8 text) as anchors.
  function withLinks(text, links) {
    if (!links || links.length === 0) return [text];
    const bytes = new TextEncoder().encode(text);
    const dec = new TextDecoder();
    const out = [];
    let at = 0;
    for (const l of links) {
      if (!(l.end > l.start) || l.start < at || l.end > bytes.length) continue;
      out.push(dec.decode(bytes.slice(at, l.start)));
      const href = safeURL(l.href, false);
      const words = dec.decode(bytes.slice(l.start, l.end));
      if (href) {
        const link = el('a', null, words);
        link.href = href;
        link.rel = 'noopener noreferrer';
        link.target = '_blank';
        out.push(link);
      } else {
        out.push(words);
      }
      at = l.end;
    }
    out.push(dec.decode(bytes.slice(at)));
    return out;
  }

  function renderBlock(b) {
    switch (b.type) {
      case 'heading': {
        const level = Math.min(6, Math.max(3, (b.level || 2) + 1));
        return el('h' + level, null, b.text || '');
      }
      case 'paragraph':
        return el('p', null, ...withLinks(b.text || '', b.links));
      case 'list': {
        const list = el(b.ordered ? 'ol' : 'ul');
        for (const it of b.items || []) list.append(el('li', null, it));
        return list;
      }
      case 'quote':
        return el('blockquote', null, b.text || '');
      case 'code':
        return el('pre', 'code', el('code', null, b.text || ''));
      case 'table': {
        const t = el('table');
        (b.rows || []).forEach((row, i) => {
          const tr = el('tr');
          for (const cell of row) tr.append(el(i === 0 ? 'th' : 'td', null, cell));
          t.append(tr);
        });
        return el('div', 'table-wrap', t);
      }
      case 'figure': {
        // The image loads from the page's site with no referrer; its alt
        // text shows below it too, as the text a reader without it gets.
        const fig = el('figure', 'figure');
        const src = safeURL(b.src, true);
        if (src) {
          const img = document.createElement('img');
          img.referrerPolicy = 'no-referrer';
          img.loading = 'lazy';
          img.decoding = 'async';
          img.alt = b.alt || '';
          img.src = src;
          img.addEventListener('error', () => img.classList.add('broken'));
          fig.append(img);
        }
        const cap = el('figcaption', null, el('span', 'figure-mark', 'Figure'), b.caption || '');
        if (b.credit) cap.append(' ', el('span', 'credit', b.credit));
        if (b.alt && norm(b.alt) !== norm(b.caption)) cap.append(el('span', 'alt', 'Alt text: ' + b.alt));
        if (!b.caption && !b.credit && !b.alt && !src) cap.append(b.src || '');
        fig.append(cap);
        return fig;
      }
    }
    return b.text ? el('p', null, b.text) : null;
  }

  function renderRemoved(removed) {
    const list = $('removed');
    list.replaceChildren();
    const counts = new Map();
    removed.forEach((r, i) => {
      counts.set(r.reason, (counts.get(r.reason) || 0) + 1);
      const text = r.text.length > 280 ? r.text.slice(0, 280) + '…' : r.text;
      const label = el('span', 'reason reason-' + reasonClass(r.reason), r.reason);
      label.title = explain(r.reason);
      const li = el('li', null, label, el('span', 'rtext', text));
      if (text !== r.text) li.title = r.text;
      li.dataset.cut = String(i);
      li.tabIndex = 0;
      li.setAttribute('aria-label', r.reason + ': ' + text + '. Press Enter to show it in the page view.');
      list.append(li);
    });
    const summary = [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([k, v]) => k + ' ' + v).join(', ');
    $('removed-summary').textContent = removed.length === 0
      ? 'Nothing was removed.'
      : removed.length + ' pieces: ' + summary + '.';
  }

  function blockText(b) {
    if (b.type === 'list') return (b.items || []).map((x) => '- ' + x).join('\n');
    if (b.type === 'table') return (b.rows || []).map((row) => row.join(' | ')).join('\n');
    if (b.type === 'figure') return '[figure] ' + [b.caption, b.credit].filter(Boolean).join(' ');
    return b.text || '';
  }

  // viewText is what Copy and Download take from the current view.
  function viewText(view) {
    const a = state.article;
    if (!a) return '';
    if (view === 'markdown') return state.markdown || '';
    if (view === 'json') return JSON.stringify(a, null, 2) + '\n';
    if (view === 'page') {
      // The page in order, each cut on its own line with its reason.
      const lines = [];
      const blocks = a.blocks || [];
      const removed = a.removed || [];
      let r = 0;
      for (let i = 0; i <= blocks.length; i++) {
        for (; r < removed.length && (removed[r].before || 0) <= i; r++) lines.push('[cut: ' + removed[r].reason + '] ' + removed[r].text);
        if (i < blocks.length) lines.push(blockText(blocks[i]));
      }
      return (a.title ? a.title + '\n\n' : '') + lines.filter(Boolean).join('\n\n') + '\n';
    }
    return (a.title ? a.title + '\n\n' : '') + (a.text || '') + '\n';
  }

  async function show(view) {
    state.view = view;
    for (const tab of document.querySelectorAll('[role=tab]')) {
      const on = tab.dataset.view === view;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      if (on) $('view').setAttribute('aria-labelledby', tab.id);
    }
    const panel = $('view');
    if (!state.article) return;
    if (view === 'page') {
      panel.replaceChildren(renderPage(state.article));
    } else if (view === 'article') {
      panel.replaceChildren(renderArticle(state.article));
    } else if (view === 'json') {
      panel.replaceChildren(el('pre', 'source', viewText('json')));
    } else {
      if (state.markdown === null) {
        panel.replaceChildren(el('p', 'empty', 'Loading…'));
        try {
          state.markdown = await callAPI(state.input, 'markdown');
        } catch (err) {
          panel.replaceChildren(el('p', 'empty error', err.message));
          return;
        }
      }
      if (state.view === 'markdown') panel.replaceChildren(el('pre', 'source', state.markdown));
    }
  }

  // ---- events ----

  $('input').addEventListener('submit', (e) => {
    e.preventDefault();
    extract();
  });
  $('input').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      extract();
    }
  });
  $('clear').addEventListener('click', () => {
    $('url').value = '';
    $('html').value = '';
    setStatus('');
    $('share').hidden = true;
    history.replaceState(null, '', '/');
    $('url').focus();
  });

  // ---- shared links: /?url=...&focus=...&links=1&images=0 ----

  // updateShare shows a link that runs this extraction again, and puts
  // it in the address bar, when the input was a URL (pasted HTML cannot
  // be shared that way).
  function updateShare(input) {
    const share = $('share');
    if (input.html.trim() !== '' || input.url === '') {
      share.hidden = true;
      return;
    }
    const q = optionParams(input, new URLSearchParams({ url: input.url }));
    share.href = '/?' + q;
    share.hidden = false;
    history.replaceState(null, '', '/?' + q);
  }

  function runFromLocation() {
    const q = new URLSearchParams(location.search);
    const url = (q.get('url') || '').trim();
    if (!url) return;
    $('url').value = url;
    const focus = q.get('focus');
    if (focus && [...$('focus').options].some((o) => o.value === focus)) $('focus').value = focus;
    if (q.has('links')) $('links').checked = /^(1|true|yes|on)$/i.test(q.get('links'));
    if (q.has('images')) $('images').checked = !/^(0|false|no|off)$/i.test(q.get('images'));
    extract();
  }

  // ---- files: dropped on the page, or opened ----

  async function loadFile(file) {
    if (!file) return;
    if (file.size > 10 << 20) {
      setStatus(file.name + ' is over 10 MB.', true);
      return;
    }
    $('html').value = await file.text();
    setStatus('Read ' + file.name + '.');
    extract();
  }

  $('file').addEventListener('change', () => {
    loadFile($('file').files[0]);
    $('file').value = '';
  });
  let dragDepth = 0;
  const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    dragDepth++;
    $('drop').hidden = false;
  });
  document.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) $('drop').hidden = true;
  });
  document.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  });
  document.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragDepth = 0;
    $('drop').hidden = true;
    loadFile(e.dataTransfer.files[0]);
  });

  // ---- the cuts: Escape hides an explanation; the list jumps to a cut ----

  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && document.activeElement && document.activeElement.classList.contains('cut')) {
      document.activeElement.classList.add('tip-off');
    }
  });
  document.addEventListener('focusout', (e) => {
    if (e.target.classList && e.target.classList.contains('cut')) e.target.classList.remove('tip-off');
  });
  $('removed').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target.matches('li[data-cut]')) e.target.click();
  });
  $('removed').addEventListener('click', async (e) => {
    const li = e.target.closest('li[data-cut]');
    if (!li) return;
    if (state.view !== 'page') await show('page');
    const target = $('cut-' + li.dataset.cut);
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    }
  });

  const tabs = [...document.querySelectorAll('[role=tab]')];
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => show(tab.dataset.view));
    tab.addEventListener('keydown', (e) => {
      let j = -1;
      if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
      if (e.key === 'ArrowLeft') j = (i + tabs.length - 1) % tabs.length;
      if (e.key === 'Home') j = 0;
      if (e.key === 'End') j = tabs.length - 1;
      if (j >= 0) {
        e.preventDefault();
        tabs[j].focus();
        show(tabs[j].dataset.view);
      }
    });
  });

  $('copy').addEventListener('click', async () => {
    const text = viewText(state.view);
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied the ' + state.view + ' view.');
    } catch (_) {
      // No clipboard permission (plain http on another host): select the
      // text so the user can copy it by hand.
      const range = document.createRange();
      range.selectNodeContents($('view'));
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      setStatus('Selected the text; press Ctrl+C to copy.');
    }
  });

  const extensions = { page: ['txt', 'text/plain'], article: ['txt', 'text/plain'], markdown: ['md', 'text/markdown'], json: ['json', 'application/json'] };
  $('download').addEventListener('click', () => {
    const [ext, type] = extensions[state.view];
    const blob = new Blob([viewText(state.view)], { type: type + ';charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'article.' + ext;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  runFromLocation();
})();
