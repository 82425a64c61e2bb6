//! Another document in the reader: reloading the file from disk (`R`, keeping the reading
//! place by byte offset) and opening another text (from the shelf) take one path,
//! `App::switch_to`. The runtime calls these; `update` only asks for them.

use std::path::Path;

use super::state::quotes::QuotesComing;
use super::{App, Overlay};
use crate::document::{Document, open};
use crate::i18n::{Message, Msg};
use std::sync::Arc;

pub use super::state::reload::*;

impl App {
    /// Looks at the file at most every [`WATCH_EVERY`] (the event loop calls this between
    /// events and on every tick, so a change shows without a key press); returns whether
    /// the status line has something new to show.
    pub fn watch(&mut self, now: std::time::Instant) -> bool {
        let Some(source) = self.source.as_mut() else { return false };
        if source.checked.is_some_and(|t| now.saturating_duration_since(t) < WATCH_EVERY) {
            return false;
        }
        source.checked = Some(now);
        let noticed = source.noticed;
        let stamp = stamp_of(&source.path);
        self.source_checked(stamp);
        self.source.as_ref().is_some_and(|s| s.noticed != noticed)
    }

    /// The runtime's stat of the text's file: tells once, in the status line, that it changed
    /// or vanished on disk since it was read (the text in memory is untouched). An action's
    /// own message goes first.
    pub(super) fn source_checked(&mut self, now: Option<Stamp>) {
        let Some(source) = self.source.as_mut() else { return };
        if now == source.stamp || source.noticed == Some(now) {
            return;
        }
        source.noticed = Some(now);
        let name = source.path.display().to_string();
        if self.message.is_none() {
            self.say(match now {
                Some(_) => Msg::ChangedOnDisk(&name),
                None => Msg::GoneFromDisk(&name),
            });
        }
    }

    /// Reads the file again. Every offset-based state (figures, quotes, matches,
    /// history) is rebuilt for the new text, and the first character in view stays in
    /// view as far as the new text allows. When the file is gone or unreadable the text
    /// loaded before stays, with a message.
    pub fn reload(&mut self) {
        let Some(source) = self.source.clone() else {
            self.say(if self.doc.from_stdin { Msg::StdinNoReload } else { Msg::BundledNoReload });
            return;
        };
        let stamp = stamp_of(&source.path);
        let mut doc = match open::open(&source.path, source.encoding.as_deref()) {
            Ok(d) => d,
            Err(e) => {
                self.say(Msg::CannotReload(&e.to_string()));
                return;
            }
        };
        let mut offset = self.anchor();
        // The name it was opened by, and its path as first resolved.
        doc.name = self.doc.name.clone();
        doc.path = self.doc.path.clone();
        offset = offset.min(doc.text.len());
        while !doc.text.is_char_boundary(offset) {
            offset -= 1;
        }
        self.switch_to(
            doc,
            Some(Source { stamp, noticed: None, checked: None, ..source }),
            Switch::Reload { offset },
        );
    }

    /// Opens the text at `path` in place of this one, at its saved place, with its
    /// bookmarks and outline; this text's place is saved first. A file that cannot be read
    /// leaves everything as it was, with the reason in the status line. `encoding` is the
    /// one it was opened with before (`--encoding`), if any.
    pub fn open_text(&mut self, path: &Path, encoding: Option<String>) {
        let doc = match open::open(path, encoding.as_deref()) {
            Ok(d) => d,
            Err(e) => {
                self.fail(e);
                return;
            }
        };
        if let Err(e) = self.save_position() {
            self.fail(e);
            return;
        }
        self.switch_to(doc, Some(Source::new(path.to_path_buf(), encoding)), Switch::Open);
    }

    /// Opens the bundled article in place of this text, at its saved place; this text's
    /// place is saved first.
    pub fn open_bundled(&mut self) {
        if let Err(e) = self.save_position() {
            self.message = Some(Message::error(e.to_string()));
            return;
        }
        self.switch_to(Document::bundled(), None, Switch::Open);
    }

    /// The one way to put another document in the reader (a reload or another text): a
    /// reader on `doc` as [`App::new`] sets it up, which keeps what `how` says of this one,
    /// and always the bookmarks file in use, the outline as wanted and the screen.
    pub(super) fn switch_to(&mut self, doc: Document, source: Option<Source>, how: Switch) {
        self.switch_counted(doc, super::state::progress::Progress::default(), None, source, how);
    }

    /// The whole text in place of its beginning ([`super::loading`]), with its characters
    /// counted on the loader's thread.
    pub(super) fn switch_loaded(
        &mut self,
        doc: Arc<Document>,
        progress: super::state::progress::Progress,
        quotes: Option<QuotesComing>,
        how: Switch,
    ) {
        let source = self.source.clone();
        self.switch_counted(doc, progress, quotes, source, how);
    }

    fn switch_counted(
        &mut self,
        doc: impl Into<Arc<Document>>,
        progress: super::state::progress::Progress,
        quotes: Option<QuotesComing>,
        source: Option<Source>,
        how: Switch,
    ) {
        let (w, h) = (self.screen.width, self.screen.height);
        // The whole text in place of its beginning has its quotes found on the loader's
        // thread: a key that waited for it (the end) shows without that wait.
        let loaded = matches!(how, Switch::Loaded { .. });
        let mut fresh = App::counted(doc, progress, self.config.clone(), w, h, !loaded);
        fresh.quotes.coming = quotes;
        // Keep a bookmarks file chosen on the command line.
        if let Some(file) = self.quotes.store.as_ref().map(|s| s.path().to_path_buf())
            && fresh.quotes.store.as_ref().map(|s| s.path()) != Some(file.as_path())
        {
            fresh.use_bookmarks_file(&file);
        }
        fresh.outline_wanted = self.outline_wanted;
        fresh.source = source;
        // A quit asked for just before the switch (the whole text arriving) still quits.
        fresh.should_quit = self.should_quit;
        if !matches!(how, Switch::Open) {
            // The same text read anew: how the reader chose to see it stays (the script,
            // vertical setting, quiet mode and column width, the help or settings open).
            fresh.script = self.script;
            fresh.vertical = self.vertical;
            fresh.comfort = std::mem::take(&mut self.comfort);
            if matches!(self.overlay, Some(Overlay::Help | Overlay::Settings)) {
                fresh.overlay = self.overlay.take();
                fresh.help_scroll = self.help_scroll;
            }
        }
        match how {
            Switch::Reload { offset } => {
                // Reading places go on being saved (under the changed text's id).
                fresh.resume = std::mem::take(&mut self.resume).for_reload();
                self.keep_view(&mut fresh, offset);
                let note = fresh.message.take();
                fresh.say(Msg::Reloaded(note.as_deref()));
            }
            Switch::Loaded { offset, moved, from_start } => {
                // The beginning's offsets are the whole text's: jumps made meanwhile stay.
                fresh.history = std::mem::take(&mut self.history);
                self.keep_view(&mut fresh, offset);
                // What the status line said stays (where reading resumed, a failed save),
                // unless the whole text has a warning of its own (bad bytes, a size cap).
                if fresh.message.is_none() {
                    fresh.message = self.message.take();
                }
                match self.resume.store().cloned() {
                    // Not moved yet: the saved place, looked for in the whole text (a record
                    // of an earlier version is matched by the hash of the whole text).
                    Some(store) if !moved => {
                        let warning = fresh.message.take();
                        fresh.use_positions(store, from_start);
                        fresh.message = warning.or(fresh.message.take());
                    }
                    _ => fresh.resume = std::mem::take(&mut self.resume),
                }
            }
            Switch::Open => {
                fresh.relayout();
                if let Some(store) = self.resume.store().cloned() {
                    fresh.use_positions(store, false);
                }
            }
        }
        *self = fresh;
    }

    /// What the same text read anew (a reload, or the whole text in place of its beginning)
    /// keeps of this reader in `fresh`: figures switched on or off, the outline's focus, and
    /// the character at `offset` first in view.
    fn keep_view(&self, fresh: &mut App, offset: usize) {
        fresh.figures.shown = self.figures.shown;
        fresh.relayout();
        if self.focus == super::Focus::Outline && fresh.outline_visible() {
            fresh.focus = super::Focus::Outline;
        }
        fresh.scroll_to_offset(offset);
    }
}
