//! The loader gives way to the reader's keys: it sleeps between pieces for [`GIVE_WAY`]
//! after the reader takes a key or draws the frame for one ([`super::Loader::reader_busy`]).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How long the loader stays off the processor after the reader took a key or drew a frame
/// (about a frame of the terminal's own redraw): the key's frame is drawn, written and shown
/// by the terminal meanwhile. After a pause the loader works at least as long before it
/// gives way again, so keys that never stop (a held key, the mouse) slow it down by half at
/// most.
pub const GIVE_WAY: Duration = Duration::from_millis(20);

/// When the reader was last busy with a key, in microseconds after `since` (0: never), for
/// the loader to give way ([`GIVE_WAY`]).
#[derive(Debug)]
pub(super) struct Busy {
    since: Instant,
    at: AtomicU64,
}

impl Busy {
    pub(super) fn new() -> Self {
        Busy { since: Instant::now(), at: AtomicU64::new(0) }
    }

    fn micros(&self) -> u64 {
        u64::try_from(self.since.elapsed().as_micros()).unwrap_or(u64::MAX).saturating_add(1)
    }

    pub(super) fn mark(&self) {
        self.at.store(self.micros(), Ordering::Release);
    }

    /// Sleeps while the reader is busy ([`give_way_for`]); `resumed` is when this thread
    /// last woke from giving way.
    pub(super) fn give_way(&self, resumed: &mut u64) {
        while let Some(wait) = give_way_for(self.at.load(Ordering::Acquire), *resumed, self.micros()) {
            std::thread::sleep(wait);
            *resumed = self.micros();
        }
    }
}

/// How long the loader sleeps now (`None`: it works on), all in microseconds of the same
/// clock: the reader was busy at `busy` (0: never), the loader last resumed from giving way
/// at `resumed` (0: never). It gives way until [`GIVE_WAY`] after the reader's last key or
/// frame, but not before it has worked [`GIVE_WAY`] since it last resumed.
fn give_way_for(busy: u64, resumed: u64, now: u64) -> Option<Duration> {
    let span = GIVE_WAY.as_micros() as u64;
    let until = busy.checked_add(span)?;
    let worked_enough = resumed == 0 || now >= resumed.saturating_add(span);
    (busy > 0 && busy > resumed && now < until && worked_enough).then(|| Duration::from_micros(until - now))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPAN: u64 = GIVE_WAY.as_micros() as u64;

    #[test]
    fn the_loader_gives_way_after_a_key_until_the_span_is_over() {
        // Never busy: no pause.
        assert_eq!(give_way_for(0, 0, 5_000), None);
        // A key at 1 ms: at 5 ms the loader sleeps until 1 ms + the span.
        assert_eq!(give_way_for(1_000, 0, 5_000), Some(Duration::from_micros(1_000 + SPAN - 5_000)));
        // The span is over: it works on.
        assert_eq!(give_way_for(1_000, 0, 1_000 + SPAN), None);
    }

    #[test]
    fn after_a_pause_the_loader_works_as_long_before_it_gives_way_again() {
        // It resumed at 30 ms; a key at 31 ms is not waited for before 30 ms + the span.
        let resumed = 30_000;
        assert_eq!(give_way_for(31_000, resumed, 32_000), None);
        // Keys that never stop: once it has worked the span, it gives way to the latest one.
        let busy = resumed + SPAN - 1;
        assert_eq!(give_way_for(busy, resumed, resumed + SPAN), Some(Duration::from_micros(SPAN - 1)));
        // A key before it resumed was waited for already.
        assert_eq!(give_way_for(resumed - 1, resumed, resumed + SPAN), None);
    }

    #[test]
    fn a_marked_loader_sleeps_and_an_unmarked_one_does_not() {
        let busy = Busy::new();
        let mut resumed = 0;
        busy.give_way(&mut resumed);
        assert_eq!(resumed, 0, "nothing marked: no pause");
        busy.mark();
        let before = Instant::now();
        busy.give_way(&mut resumed);
        assert!(resumed > 0, "marked: it gave way");
        // A sleep never ends early: the pause lasted the span at least.
        assert!(before.elapsed() + Duration::from_millis(1) >= GIVE_WAY);
    }
}
