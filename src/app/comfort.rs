//! Reading comfort while reading: `+` / `-` / `=` change the text column (the first
//! character in view stays in view, as across a resize); `z` quiet mode (only the text);
//! `A` auto-scroll, a row at a time at one of ten speeds (`<` / `>`), paused under any
//! prompt, overlay or the boss screen, stopped by a movement key, `A`, or the end of the
//! text; the boss key (`Ctrl-b`): a screen that is not a book until any key, or
//! `boss.command` run in the terminal. Quiet mode and the speed are remembered
//! ([`crate::store::reader_state`]); the settings panel is [`super::settings`].

use std::time::{Duration, Instant};

use super::effect::Effect;
use super::geometry::{self, Chrome, Panes};
use super::state::comfort::{AutoScroll, MIN_WIDTH, NOTE_FOR, WIDTH_STEP};
use super::{Action, App, Message, Overlay};
use crate::i18n::{Comfort, Msg};
use crate::store::reader_state::ReaderStateStore;

impl App {
    /// Whether `action` is one of reading comfort's keys in the text ([`App::update_comfort`]).
    pub(super) fn is_comfort(action: Action) -> bool {
        use Action::*;
        matches!(
            action,
            Wider
                | Narrower
                | ResetWidth
                | Quiet
                | AutoScroll
                | ScrollSlower
                | ScrollFaster
                | Boss
                | Settings
        )
    }

    /// Comfort's state for a new reader: the panel saves into the config file in use, and
    /// auto-scroll starts at the configured speed (or the default, until one is remembered).
    pub(super) fn init_comfort(&mut self) {
        self.comfort.settings_path = self.config.source.clone();
        self.comfort.scroll.level = match self.config.text.auto_scroll_speed {
            0 => super::state::comfort::DEFAULT_SPEED,
            n => n.min(10),
        };
    }

    /// The panes on a screen `area` with this reader's outline and comfort settings.
    pub fn panes_in(&self, area: ratatui::layout::Rect) -> Panes {
        let chrome = Chrome { width: self.comfort.width, quiet: self.comfort.quiet };
        geometry::panes_for(&self.config, area, self.outline_wanted, self.outline_natural, chrome)
    }

    /// Re-wraps after a change of the panes or the wrap settings, keeping the first
    /// character in view (a run of such changes keeps the same one, as resizes do).
    pub(super) fn rewrap(&mut self) {
        let anchor = self.view_anchor();
        self.relayout();
        // Scrolling there works out the view (`set_top`, or the end of the key under way);
        // an empty text has none to work out.
        self.scroll_to_offset(anchor);
        self.resize_anchor = Some(anchor);
    }

    /// The keys of reading comfort in the text (and `z`, the boss key, anywhere).
    pub(super) fn update_comfort(&mut self, action: Action) {
        match action {
            Action::Wider | Action::Narrower => self.step_width(action == Action::Wider),
            Action::ResetWidth => {
                self.comfort.width = None;
                self.rewrap();
                self.say_comfort(Comfort::Width(self.panes.text.width));
            }
            Action::Quiet => {
                self.comfort.quiet = !self.comfort.quiet;
                self.rewrap();
                self.remember();
            }
            Action::AutoScroll => {
                if self.comfort.scroll.on {
                    self.stop_scroll(Comfort::ScrollOff);
                } else {
                    self.start_scroll();
                }
            }
            Action::ScrollSlower | Action::ScrollFaster => {
                let up = action == Action::ScrollFaster;
                self.set_speed(if up {
                    self.comfort.scroll.level + 1
                } else {
                    self.comfort.scroll.level - 1
                });
            }
            Action::Boss => {
                let command = self.config.boss.command.trim();
                if command.is_empty() {
                    self.comfort.boss = true;
                } else {
                    self.comfort.boss_command = Some(command.to_string());
                }
            }
            Action::Settings => {
                self.overlay = Some(Overlay::Settings);
                self.comfort.settings_row = 0;
            }
            _ => {}
        }
    }

    /// `o` in quiet mode: quiet mode ends and the outline shows.
    pub(super) fn leave_quiet_with_outline(&mut self) {
        self.comfort.quiet = false;
        self.outline_wanted = true;
        self.rewrap();
        self.remember();
    }

    /// `+` / `-`: two columns wider or narrower, within `max_text_width`, the pane and
    /// [`MIN_WIDTH`].
    fn step_width(&mut self, wider: bool) {
        let widest = Chrome { width: None, quiet: self.comfort.quiet };
        let widest =
            geometry::panes_for(&self.config, self.screen, self.outline_wanted, self.outline_natural, widest)
                .text
                .width;
        let now = self.panes.text.width;
        let narrowest = MIN_WIDTH.min(widest);
        if wider && now >= widest {
            return self.say_comfort(Comfort::Widest(widest));
        }
        if !wider && now <= narrowest {
            return self.say_comfort(Comfort::Narrowest(narrowest));
        }
        let width = if wider {
            (now + WIDTH_STEP).min(widest)
        } else {
            now.saturating_sub(WIDTH_STEP).max(narrowest)
        };
        self.comfort.width = (width < widest).then_some(width);
        self.rewrap();
        self.say_comfort(Comfort::Width(self.panes.text.width));
    }

    fn say_comfort(&mut self, c: Comfort<'_>) {
        self.say(Msg::Comfort(c));
    }

    /// Asks the runtime to remember quiet mode and the speed (when they are kept).
    fn remember(&mut self) {
        if self.comfort.store.is_some() {
            self.effects.push(Effect::RememberComfort);
        }
    }

    /// Sets the auto-scroll speed step (kept within 1-10), says it and remembers it.
    pub(super) fn set_speed(&mut self, level: u8) {
        let level = level.clamp(1, 10);
        self.comfort.scroll.level = level;
        let rows = AutoScroll::rows_a_minute(level);
        self.scroll_note(Comfort::ScrollSpeed { level, rows });
        self.remember();
    }

    /// Shows an auto-scroll message, which goes by itself after a while of scrolling.
    fn scroll_note(&mut self, c: Comfort<'_>) {
        self.say_comfort(c);
        self.comfort.scroll.note = self.message.clone().map(|m| (m, None));
    }

    fn start_scroll(&mut self) {
        if self.at_end() {
            return self.say_comfort(Comfort::ScrollEnd);
        }
        self.comfort.scroll.on = true;
        self.comfort.scroll.next = None;
        let level = self.comfort.scroll.level;
        let keys: Vec<String> = [Action::ScrollSlower, Action::ScrollFaster, Action::AutoScroll]
            .iter()
            .filter_map(|&a| self.config.keymap.first_key(a))
            .collect();
        let rows = AutoScroll::rows_a_minute(level);
        self.scroll_note(Comfort::ScrollOn { level, rows, keys: &keys.join(" ") });
    }

    fn stop_scroll(&mut self, why: Comfort<'_>) {
        self.comfort.scroll.on = false;
        self.comfort.scroll.next = None;
        self.say_comfort(why);
        self.comfort.scroll.note = None;
    }

    /// A movement key stops auto-scroll (before it moves).
    pub(super) fn stop_scroll_for(&mut self, action: Action) {
        use Action::*;
        let moves = matches!(
            action,
            LineDown
                | LineUp
                | PageDown
                | PageUp
                | HalfPageDown
                | HalfPageUp
                | Top
                | Bottom
                | NextSection
                | PrevSection
                | GoTo
                | JumpBack
                | JumpForward
                | NextMatch
                | PrevMatch
        ) || action.section_number().is_some();
        if self.comfort.scroll.on && moves && self.overlay.is_none() && self.prompt.is_none() {
            self.stop_scroll(Comfort::ScrollOff);
        }
    }

    /// Whether the last row of the text is in view.
    fn at_end(&mut self) -> bool {
        self.doc.blocks.is_empty() || self.top >= self.layout.max_top(&self.doc, self.text_height().max(1))
    }

    /// Auto-scroll is on but waits: a prompt, an overlay, the outline over the text or the
    /// boss screen is up, a passage is being selected, or the keyboard is in the outline.
    pub fn scroll_paused(&self) -> bool {
        self.mode() != super::Mode::Text
            || self.overlay.is_some()
            || self.prompt.is_some()
            || self.comfort.boss
            || self.outline_over
            || self.focus != super::Focus::Text
            || self.panes.too_small
    }

    /// How long the event loop may wait before [`App::scroll_tick`] has something to do;
    /// none when auto-scroll is off or paused (no tick is needed then).
    pub fn scroll_wait(&self, now: Instant) -> Option<Duration> {
        let s = &self.comfort.scroll;
        if !s.on || self.scroll_paused() {
            return None;
        }
        let next = s.next.map_or(Duration::ZERO, |t| t.saturating_duration_since(now));
        let note = s
            .note
            .as_ref()
            .and_then(|(_, since)| *since)
            .map(|t| (t + NOTE_FOR).saturating_duration_since(now));
        Some(note.map_or(next, |n| n.min(next)))
    }

    /// Moves auto-scroll on at `now`: a row for each interval gone by, stopping at the end
    /// of the text; its message goes after a while. Returns whether the screen changed.
    pub fn scroll_tick(&mut self, now: Instant) -> bool {
        if !self.comfort.scroll.on {
            return false;
        }
        if self.scroll_paused() {
            // Resumed later, a full interval after the pause ends.
            self.comfort.scroll.next = None;
            return false;
        }
        let mut changed = false;
        if let Some((note, since)) = self.comfort.scroll.note.clone() {
            match since {
                None => self.comfort.scroll.note = Some((note, Some(now))),
                Some(t) if now.saturating_duration_since(t) >= NOTE_FOR => {
                    if self.message.as_ref() == Some(&note) {
                        self.message = None;
                        changed = true;
                    }
                    self.comfort.scroll.note = None;
                }
                Some(_) => {}
            }
        }
        let interval = self.comfort.scroll.interval();
        let Some(mut next) = self.comfort.scroll.next else {
            self.comfort.scroll.next = Some(now + interval);
            return changed;
        };
        while next <= now {
            if self.at_end() {
                self.stop_scroll(Comfort::ScrollEnd);
                return true;
            }
            self.scroll(1);
            changed = true;
            next += interval;
        }
        self.comfort.scroll.next = Some(next);
        if changed && self.at_end() {
            self.stop_scroll(Comfort::ScrollEnd);
        }
        changed
    }

    /// Any key on the boss screen: back to the same place.
    pub fn end_boss(&mut self) {
        self.comfort.boss = false;
        self.comfort.scroll.next = None;
    }

    /// The boss command to run in the terminal, once.
    pub fn take_boss_command(&mut self) -> Option<String> {
        self.comfort.boss_command.take()
    }

    /// The boss command could not be run (the terminal tells why).
    pub fn boss_failed(&mut self, why: &str) {
        self.say_comfort(Comfort::BossFailed(why));
    }

    /// Remembers quiet mode and the speed in `store`, taking what it remembered: quiet mode
    /// as it was left and the speed last chosen (unless config.toml sets one). A file that cannot be read is named on the
    /// status line and nothing is remembered this run (it is never overwritten).
    pub fn use_reader_state(&mut self, store: ReaderStateStore) {
        match store.load() {
            Ok(state) => {
                // A speed set in config.toml is the speed at every start.
                if self.config.text.auto_scroll_speed == 0 {
                    let level = state.auto_scroll_speed.unwrap_or(self.comfort.scroll.level);
                    self.comfort.scroll.level = level.clamp(1, 10);
                }
                if state.quiet != self.comfort.quiet {
                    self.comfort.quiet = state.quiet;
                    self.rewrap();
                }
                self.comfort.store = Some(store);
            }
            Err(e) => {
                self.comfort.store = None;
                self.message = Some(Message::error(e.to_string()));
            }
        }
    }

    /// The runtime's save of quiet mode and the speed.
    pub(super) fn remember_now(&mut self) {
        let Some(store) = self.comfort.store.clone() else { return };
        if let Err(e) = store.save(self.comfort.quiet, self.comfort.scroll.level) {
            self.fail(e);
            // One report is enough: stop trying until the reader is started again.
            self.comfort.store = None;
        }
    }
}
