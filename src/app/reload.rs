//! Reloading the file from disk (`R`), keeping the reading place by byte offset.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::App;
use crate::document::{Document, load};
use crate::i18n::Msg;

/// Where the document came from, so it can be read again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The file as given on the command line.
    pub path: PathBuf,
    /// The forced encoding (`--encoding`), if any.
    pub encoding: Option<String>,
    /// Size and modification time when it was read (`None`: unknown).
    pub stamp: Option<Stamp>,
    /// The last stamp the reader was told about, so a change is reported once.
    pub noticed: Option<Option<Stamp>>,
    /// When the file was last looked at.
    pub checked: Option<Instant>,
}

/// How often the reader looks at the file while it runs.
pub const WATCH_EVERY: Duration = Duration::from_millis(500);

/// A file's size and modification time: what tells that it changed.
pub type Stamp = (u64, Option<SystemTime>);

/// The stamp of `path` now (`None`: it is gone or unreadable).
pub fn stamp_of(path: &Path) -> Option<Stamp> {
    std::fs::metadata(path).ok().map(|m| (m.len(), m.modified().ok()))
}

impl Source {
    /// The source at `path`, stamped now (call right after reading it).
    pub fn new(path: PathBuf, encoding: Option<String>) -> Self {
        let stamp = stamp_of(&path);
        Source { path, encoding, stamp, noticed: None, checked: None }
    }
}

impl App {
    /// Looks at the file at most every [`WATCH_EVERY`] (the event loop calls this between
    /// events and on every tick, so a change shows without a key press); returns whether
    /// the status line has something new to show.
    pub fn watch(&mut self, now: Instant) -> bool {
        let Some(source) = self.source.as_mut() else { return false };
        if source.checked.is_some_and(|t| now.saturating_duration_since(t) < WATCH_EVERY) {
            return false;
        }
        source.checked = Some(now);
        self.watch_source()
    }

    /// Tells once, in the status line, that the file changed or vanished on disk since it
    /// was read (the text in memory is untouched); returns whether it did.
    fn watch_source(&mut self) -> bool {
        let Some(source) = self.source.as_mut() else { return false };
        let now = stamp_of(&source.path);
        if now == source.stamp || source.noticed == Some(now) {
            return false;
        }
        source.noticed = Some(now);
        let name = source.path.display();
        let name = name.to_string();
        self.say(match now {
            Some(_) => Msg::ChangedOnDisk(&name),
            None => Msg::GoneFromDisk(&name),
        });
        true
    }

    /// Reads the file again. Every offset-based state (figures, quotes, matches,
    /// history) is rebuilt for the new text, and the first character in view stays in
    /// view as far as the new text allows. When the file is gone or unreadable the text
    /// loaded before stays, with a message.
    pub fn reload(&mut self) {
        let Some(source) = self.source.clone() else {
            self.say(Msg::BundledNoReload);
            return;
        };
        let stamp = stamp_of(&source.path);
        let decoded = match load::read_file(&source.path, source.encoding.as_deref()) {
            Ok(d) => d,
            Err(e) => {
                self.say(Msg::CannotReload(&e.to_string()));
                return;
            }
        };
        let mut offset = self.anchor();
        let mut doc = Document::new(self.doc.name.clone(), decoded);
        doc.path = self.doc.path.clone();
        offset = offset.min(doc.text.len());
        while !doc.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (w, h) = (self.screen.width, self.screen.height);
        let mut fresh = App::new(doc, self.config.clone(), w, h);
        // Keep a bookmarks file chosen on the command line.
        let chosen = self.quotes.store.as_ref().map(|s| s.path().to_path_buf());
        if let Some(path) = chosen
            && fresh.quotes.store.as_ref().map(|s| s.path()) != Some(path.as_path())
        {
            fresh.use_bookmarks_file(&path);
        }
        fresh.outline_wanted = self.outline_wanted;
        // What the reader switched on or off stays so.
        fresh.figures.shown = self.figures.shown;
        fresh.source = Some(Source { stamp, noticed: None, checked: None, ..source });
        // Reading places go on being saved (under the changed text's id).
        fresh.resume = std::mem::take(&mut self.resume).for_reload();
        fresh.relayout();
        if self.focus == super::Focus::Outline && fresh.outline_visible() {
            fresh.focus = super::Focus::Outline;
        }
        fresh.scroll_to_offset(offset);
        let note = fresh.message.take();
        fresh.say(Msg::Reloaded(note.as_deref()));
        *self = fresh;
    }
}
