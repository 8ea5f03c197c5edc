// Preload for every process the end-to-end harness starts: exits when the test process that
// started it is gone, even if that process was SIGKILLed and never ran its cleanup, so a crashed
// test run cannot leave servers behind.
const parentPid = Number(process.env.HARNESS_PARENT_PID);

function parentIsAlive() {
  try {
    process.kill(parentPid, 0);
    return process.ppid === parentPid;
  } catch {
    return false;
  }
}

if (parentPid) setInterval(() => parentIsAlive() || process.kill(process.pid, "SIGKILL"), 250).unref();
