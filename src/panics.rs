//! Panics inside a migration become errors, never a crash.
//!
//! Every place that runs code that could panic on some input (a rule, a whole file) goes through
//! `catch`, which turns a panic into its message. The command line installs [`quiet_hook`]:
//! a panic caught this way then prints nothing by itself (the file's error says it, in path
//! order, with the place in the source that panicked), while any other panic still prints as
//! usual.
//!
//! `FAAS_MIGRATE_PANIC_IN_RULE=<rule>` makes that rule panic on every file it runs on: the tests
//! use it to show that a failing rule costs one file, not the run.

use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

thread_local! {
    /// How many [`catch`] calls are running on this thread.
    static CATCHING: Cell<usize> = const { Cell::new(0) };
    /// Where the last caught panic happened, when the quiet hook is installed.
    static LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `f`; a panic becomes `Err` with its message (and, under [`quiet_hook`], its place).
pub(crate) fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    CATCHING.with(|c| c.set(c.get() + 1));
    let result = catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(c.get() - 1));
    result.map_err(|panic| {
        let mut message = if let Some(s) = panic.downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = panic.downcast_ref::<String>() {
            s.clone()
        } else {
            "unknown panic".to_string()
        };
        if let Some(at) = LOCATION.with(|l| l.borrow_mut().take()) {
            message = format!("{message} (at {at})");
        }
        message
    })
}

/// Installs a panic hook that stays silent for panics `catch` turns into errors (remembering
/// where they happened for the message) and prints every other panic as the default hook does.
pub fn quiet_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if CATCHING.with(Cell::get) > 0 {
            let at = info.location().map(|l| l.to_string());
            LOCATION.with(|l| *l.borrow_mut() = at);
        } else {
            default(info);
        }
    }));
}

/// The rule `FAAS_MIGRATE_PANIC_IN_RULE` names, if any.
pub(crate) fn injected(rule: &str) -> bool {
    static NAME: OnceLock<Option<String>> = OnceLock::new();
    NAME.get_or_init(|| std::env::var("FAAS_MIGRATE_PANIC_IN_RULE").ok())
        .as_deref()
        == Some(rule)
}

/// Panics if `FAAS_MIGRATE_PANIC_IN_RULE` names `rule`.
pub(crate) fn maybe_inject(rule: &str) {
    if injected(rule) {
        panic!("panic injected by FAAS_MIGRATE_PANIC_IN_RULE={rule}");
    }
}
