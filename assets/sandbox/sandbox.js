// clusterbot sandbox: a little plain JavaScript over server-rendered HTML. The chat page
// asks for its feed twice a second and redraws when the emulator's chat changed.
(function () {
  "use strict";

  function post(url, data, raw) {
    var body = raw;
    var headers = {};
    if (!raw) {
      body = new URLSearchParams(data || {}).toString();
      headers["Content-Type"] = "application/x-www-form-urlencoded";
    }
    return fetch(url, { method: "POST", headers: headers, body: body });
  }

  // The clock control, on every page.
  document.addEventListener("click", function (e) {
    var b = e.target.closest("[data-advance]");
    if (!b) return;
    e.preventDefault();
    b.disabled = true;
    post("/time", { hours: b.getAttribute("data-advance") })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        var c = document.getElementById("clock");
        if (c) c.textContent = j.clock;
        b.disabled = false;
      });
  });

  // Form preview: drop or choose an .xlsx.
  var drop = document.getElementById("drop");
  if (drop) {
    var upload = function (file) {
      if (!file) return;
      drop.querySelector("span").textContent = "Reading " + file.name + "…";
      post("/preview?name=" + encodeURIComponent(file.name), null, file).then(function (r) {
        window.location.href = r.url;
      });
    };
    document.getElementById("form-file").addEventListener("change", function (e) { upload(e.target.files[0]); });
    drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
    drop.addEventListener("drop", function (e) {
      e.preventDefault();
      drop.classList.remove("over");
      upload(e.dataTransfer.files[0]);
    });
  }

  var phone = document.querySelector("[data-chat]");
  if (!phone) return;
  var chat = phone.getAttribute("data-chat");
  var version = phone.getAttribute("data-version");
  var base = "/chat/" + chat;
  var messages = document.getElementById("messages");
  var toast = document.getElementById("toast");
  var menu = document.getElementById("menu");
  var attach = document.getElementById("attach");
  var keyboard = document.getElementById("keyboard");
  var seenToast = null;
  var toastTimer = null;

  function bottom() { messages.scrollTop = messages.scrollHeight; }
  bottom();

  function refresh() {
    return fetch(base + "/feed?v=" + version)
      .then(function (r) { return r.json(); })
      .then(function (j) {
        var c = document.getElementById("clock");
        if (c && j.clock) c.textContent = j.clock;
        if (j.messages === undefined) return;
        var atBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 80;
        version = String(j.v);
        phone.setAttribute("data-version", version);
        messages.innerHTML = j.messages;
        keyboard.innerHTML = j.keyboard;
        menu.innerHTML = j.menu;
        if (atBottom) bottom();
        if (j.toast && seenToast !== null && j.toast.n !== seenToast) show(j.toast.text);
        if (j.toast) seenToast = j.toast.n;
        if (seenToast === null) seenToast = 0;
      })
      .catch(function () {});
  }

  function show(text) {
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toast.hidden = true; }, 3500);
  }

  function loop() { refresh().then(function () { setTimeout(loop, 500); }); }
  loop();

  function sendText(text) {
    menu.hidden = true;
    return post(base + "/text", { text: text }).then(refresh);
  }

  document.getElementById("composer").addEventListener("submit", function (e) {
    e.preventDefault();
    var input = document.getElementById("text");
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    sendText(text);
  });

  document.getElementById("menu-button").addEventListener("click", function () {
    attach.hidden = true;
    menu.hidden = !menu.hidden;
  });
  document.getElementById("attach-button").addEventListener("click", function () {
    menu.hidden = true;
    attach.hidden = !attach.hidden;
  });

  document.addEventListener("click", function (e) {
    var cb = e.target.closest("[data-callback]");
    if (cb) {
      post(base + "/press", { message_id: cb.getAttribute("data-on"), data: cb.getAttribute("data-callback") }).then(refresh);
      return;
    }
    var cmd = e.target.closest("[data-command]");
    if (cmd) { sendText(cmd.getAttribute("data-command")); return; }
    var key = e.target.closest("[data-key]");
    if (key) {
      if (key.hasAttribute("data-location")) post(base + "/location").then(refresh);
      else sendText(key.getAttribute("data-key"));
      return;
    }
    var send = e.target.closest("[data-send]");
    if (send) {
      attach.hidden = true;
      post(base + "/" + send.getAttribute("data-send")).then(refresh);
    }
  });

  document.getElementById("doc-file").addEventListener("change", function (e) {
    var file = e.target.files[0];
    if (!file) return;
    attach.hidden = true;
    post(base + "/document?name=" + encodeURIComponent(file.name), null, file).then(refresh);
    e.target.value = "";
  });
})();
