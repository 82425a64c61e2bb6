//! The state of reading comfort (see `app::comfort` and `app::settings`): the text
//! column's width, quiet mode, auto-scroll, the boss key and the settings panel; a leaf.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::i18n::{Message, Setting};
use crate::store::reader_state::ReaderStateStore;

/// Rows a minute at each auto-scroll speed step (1-10).
pub const SPEEDS: [u16; 10] = [6, 10, 15, 20, 30, 45, 60, 90, 120, 240];
/// The speed step before one is chosen.
pub const DEFAULT_SPEED: u8 = 5;
/// Columns `+` and `-` add and take (one hanzi).
pub const WIDTH_STEP: u16 = 2;
/// The narrowest column `-` gives (what `max_text_width` allows at least).
pub const MIN_WIDTH: u16 = 10;
/// How long an auto-scroll message stays on the status line while it scrolls.
pub const NOTE_FOR: Duration = Duration::from_secs(3);

/// Reading comfort's state.
#[derive(Debug, Default)]
pub struct Comfort {
    /// The text column chosen with `+` / `-`; none: as wide as `max_text_width` and the
    /// pane allow.
    pub width: Option<u16>,
    /// Quiet mode: the outline and the status line hidden.
    pub quiet: bool,
    /// Auto-scroll.
    pub scroll: AutoScroll,
    /// The boss key's screen is up.
    pub boss: bool,
    /// `boss.command`, to be run by the terminal in place of the reader.
    pub(in crate::app) boss_command: Option<String>,
    /// The settings panel's row under the cursor.
    pub settings_row: usize,
    /// The settings changed in the panel since the last save (what a save writes).
    pub(in crate::app) touched: Vec<Setting>,
    /// Where the panel saves: the user's config.toml (none in tests unless set).
    pub settings_path: Option<PathBuf>,
    /// Where quiet mode and the speed are remembered; none when they are not.
    pub(in crate::app) store: Option<ReaderStateStore>,
}

/// Auto-scroll: on or off, its speed, and when the next row goes.
#[derive(Debug)]
pub struct AutoScroll {
    /// Scrolling.
    pub on: bool,
    /// The speed step, 1-10.
    pub level: u8,
    /// When the next row goes; none until the first tick (and after a pause).
    pub(in crate::app) next: Option<Instant>,
    /// The message auto-scroll put on the status line and since when it shows, so that it
    /// goes after [`NOTE_FOR`] while scrolling.
    pub(in crate::app) note: Option<(Message, Option<Instant>)>,
}

impl Default for AutoScroll {
    fn default() -> Self {
        AutoScroll { on: false, level: DEFAULT_SPEED, next: None, note: None }
    }
}

impl AutoScroll {
    /// Rows a minute at speed step `level`.
    pub fn rows_a_minute(level: u8) -> u16 {
        SPEEDS[usize::from(level.clamp(1, 10) - 1)]
    }

    /// The time between two rows at the current speed.
    pub fn interval(&self) -> Duration {
        Duration::from_millis(60_000 / u64::from(AutoScroll::rows_a_minute(self.level)))
    }
}
