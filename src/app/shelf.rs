//! The bookshelf overlay: the texts read (from the positions file), most recent first;
//! Enter opens one in place of the current text (its bookmarks, place and outline with it),
//! `d` removes an entry (the file itself is untouched), Esc closes.

use std::path::{Path, PathBuf};

use super::{App, Overlay};
use crate::app::Action;
use crate::document::{Document, load};
use crate::i18n::Msg;
use crate::store::positions::Position;

/// The shelf as listed when it was opened.
#[derive(Debug, Default)]
pub struct Shelf {
    /// The entries: key in the positions file and record.
    pub entries: Vec<(String, Position)>,
    /// The entry under the cursor.
    pub cursor: usize,
}

/// Whether a shelf entry's file is gone.
pub fn missing(p: &Position) -> bool {
    !Path::new(&p.path).is_file()
}

impl App {
    /// Opens the shelf: saves this text's place (so it is listed, up to date) and lists them.
    pub(super) fn open_shelf(&mut self) {
        let Some(store) = self.resume.store().cloned() else {
            self.say(Msg::ShelfNotKept);
            return;
        };
        if let Err(e) = self.save_position() {
            self.fail(e);
        }
        match store.shelf() {
            Ok(mut entries) => {
                // The text being read first: it was just saved, but another text saved in the
                // same second (times are kept to the second) could otherwise come before it.
                if let Some(i) = entries.iter().position(|(k, _)| Some(k.as_str()) == self.resume.key()) {
                    let current = entries.remove(i);
                    entries.insert(0, current);
                }
                self.shelf = Shelf { entries, cursor: 0 };
                self.overlay = Some(Overlay::Shelf);
            }
            Err(e) => self.fail(e),
        }
    }

    /// Keys while the shelf is open.
    pub(super) fn update_shelf(&mut self, action: Action) {
        let n = self.shelf.entries.len();
        let last = n.saturating_sub(1);
        let c = &mut self.shelf.cursor;
        match action {
            Action::LineDown => *c = (*c + 1).min(last),
            Action::LineUp => *c = c.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => *c = (*c + 5).min(last),
            Action::PageUp | Action::HalfPageUp => *c = c.saturating_sub(5),
            Action::Top => *c = 0,
            Action::Bottom => *c = last,
            Action::Select => match self.shelf.entries.get(self.shelf.cursor) {
                Some((_, p)) if missing(p) => {
                    let path = p.path.clone();
                    self.say(Msg::ShelfEntryMissing(&path));
                }
                Some((_, p)) => {
                    let path = PathBuf::from(&p.path);
                    self.open_text(&path);
                }
                None => self.overlay = None,
            },
            Action::Delete => {
                let Some((key, p)) = self.shelf.entries.get(self.shelf.cursor).cloned() else { return };
                let Some(store) = self.resume.store() else { return };
                match store.forget(&key) {
                    Ok(_) => {
                        self.shelf.entries.remove(self.shelf.cursor);
                        self.shelf.cursor = self.shelf.cursor.min(self.shelf.entries.len().saturating_sub(1));
                        let title = if p.title.is_empty() { p.name } else { p.title };
                        self.say(Msg::RemovedFromShelf(&title));
                    }
                    Err(e) => self.fail(e),
                }
            }
            Action::Close | Action::Shelf => self.overlay = None,
            Action::Quit => self.should_quit = true,
            _ => {}
        }
    }

    /// Opens the text at `path` in place of this one, at its saved place, with its
    /// bookmarks and outline; this text's place is saved first. A file that cannot be read
    /// leaves everything as it was, with the reason in the status line.
    pub fn open_text(&mut self, path: &Path) {
        let decoded = match load::read_file(path, None) {
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
        let name =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let mut doc = Document::new(name, decoded);
        doc.path = std::fs::canonicalize(path).ok();
        let (w, h) = (self.screen.width, self.screen.height);
        let mut fresh = App::new(doc, self.config.clone(), w, h);
        // Keep a bookmarks file chosen on the command line.
        if let Some(file) = self.quotes.store.as_ref().map(|s| s.path().to_path_buf())
            && fresh.quotes.store.as_ref().map(|s| s.path()) != Some(file.as_path())
        {
            fresh.use_bookmarks_file(&file);
        }
        fresh.outline_wanted = self.outline_wanted;
        fresh.relayout();
        fresh.source = Some(super::reload::Source::new(path.to_path_buf(), None));
        if let Some(store) = self.resume.store().cloned() {
            fresh.use_positions(store, false);
        }
        *self = fresh;
    }
}
