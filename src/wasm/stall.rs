//! A stalled request — no byte of progress for a while — is cancelled so it can be retried:
//! a half-open connection on hotel Wi-Fi otherwise hangs an upload forever. The watchdog is a
//! gloo timer re-armed on every progress event of the request.

use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::XmlHttpRequest;

/// Aborts `xhr` when [`kick`](Self::kick) is not called for `ms` milliseconds.
pub struct Watchdog {
    timer: RefCell<Option<Timeout>>,
    fired: Rc<Cell<bool>>,
    ms: u32,
    xhr: XmlHttpRequest,
}

impl Watchdog {
    /// Armed at once.
    pub fn start(xhr: &XmlHttpRequest, ms: u32) -> Rc<Watchdog> {
        let w = Rc::new(Watchdog {
            timer: RefCell::new(None),
            fired: Rc::new(Cell::new(false)),
            ms,
            xhr: xhr.clone(),
        });
        w.kick();
        w
    }

    /// Progress was seen: the countdown starts again.
    pub fn kick(&self) {
        let (fired, xhr) = (self.fired.clone(), self.xhr.clone());
        // Replacing the old Timeout drops it, which cancels it.
        *self.timer.borrow_mut() = Some(Timeout::new(self.ms, move || {
            fired.set(true);
            let _ = xhr.abort();
        }));
    }

    /// Whether the request was cancelled for stalling.
    pub fn fired(&self) -> bool {
        self.fired.get()
    }

    /// Disarms the watchdog (the request settled).
    pub fn stop(&self) {
        self.timer.borrow_mut().take();
    }
}
