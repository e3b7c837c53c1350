// The countdown of an attempt: the deadline comes from the server; this only displays it.
(function () {
  "use strict";
  const clock = document.getElementById("countdown");
  if (!clock) return;
  const deadline = Date.parse(clock.dataset.deadline);
  let announced = false;

  function pad(n) { return String(n).padStart(2, "0"); }

  function tick() {
    const left = Math.max(0, Math.floor((deadline - Date.now()) / 1000));
    const text = `${pad(Math.floor(left / 3600))}:${pad(Math.floor(left / 60) % 60)}:${pad(left % 60)}`;
    clock.textContent = left > 0 ? text : "time is over";
    clock.classList.toggle("soon", left > 0 && left <= 300);
    if (left <= 10 && !announced) {
      announced = true;
      document.dispatchEvent(new CustomEvent("assessor:deadline-near"));
    }
    if (left <= 0) {
      document.dispatchEvent(new CustomEvent("assessor:deadline"));
      return;
    }
    setTimeout(tick, 1000 - (Date.now() % 1000));
  }
  tick();
})();
