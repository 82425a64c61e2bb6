//! The bookshelf overlay: the texts read (from the positions file), most recent first;
//! Enter opens one in place of the current text (its bookmarks, place and outline with it),
//! `d` removes an entry (the file itself is untouched) and `u` puts it back, Esc closes.

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
    /// Entries removed with `d` while the shelf was open, newest last, with where they were
    /// listed (`u` puts them back).
    pub removed: Vec<(usize, String, Position)>,
}

/// Where a shelf entry is, as the shelf shows it: its path, or that it is the bundled article.
pub fn shelf_path(p: &Position) -> std::borrow::Cow<'_, str> {
    if p.path.is_empty() {
        crate::i18n::text(crate::i18n::Msg::BundledOnShelf).into()
    } else {
        p.path.as_str().into()
    }
}

/// Whether a shelf entry's file is gone (the bundled article, with no path, never is).
pub fn missing(p: &Position) -> bool {
    !p.path.is_empty() && !Path::new(&p.path).is_file()
}

impl App {
    /// Opens the shelf: saves this text's place (so it is listed, up to date) and lists them.
    pub(super) fn open_shelf(&mut self) {
        let Some(store) = self.resume.store().cloned() else {
            self.message = Some("the shelf is not kept (no reading places file in use)".into());
            return;
        };
        if let Err(e) = self.save_position() {
            self.message = Some(e.to_string());
        }
        match store.shelf() {
            Ok(mut entries) => {
                // The text being read first: it was just saved, but another text saved in the
                // same second (times are kept to the second) could otherwise come before it.
                if let Some(i) = entries.iter().position(|(k, _)| Some(k.as_str()) == self.resume.key()) {
                    let current = entries.remove(i);
                    entries.insert(0, current);
                }
                self.shelf = Shelf { entries, cursor: 0, removed: Vec::new() };
                self.overlay = Some(Overlay::Shelf);
            }
            Err(e) => self.message = Some(e.to_string()),
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
                    self.message = Some(format!("{} is missing (d removes the entry)", p.path));
                }
                Some((_, p)) if p.path.is_empty() => self.open_in_place(Document::bundled(), None),
                Some((_, p)) => {
                    let path = PathBuf::from(&p.path);
                    let encoding = (!p.encoding.is_empty()).then(|| p.encoding.clone());
                    self.open_text(&path, encoding);
                }
                None => self.overlay = None,
            },
            Action::Delete => {
                let Some((key, p)) = self.shelf.entries.get(self.shelf.cursor).cloned() else { return };
                let Some(store) = self.resume.store() else { return };
                match store.forget(&key) {
                    Ok(_) => {
                        let at = self.shelf.cursor;
                        self.shelf.entries.remove(at);
                        self.shelf.cursor = at.min(self.shelf.entries.len().saturating_sub(1));
                        let title = if p.title.is_empty() { &p.name } else { &p.title };
                        self.message =
                            Some(format!("removed from the shelf: {title} (the file is kept; u undoes)"));
                        self.shelf.removed.push((at, key, p));
                    }
                    Err(e) => self.message = Some(e.to_string()),
                }
            }
            Action::Undo => {
                let Some((at, key, p)) = self.shelf.removed.pop() else {
                    self.say(Msg::NothingToUndo);
                    return;
                };
                let Some(store) = self.resume.store() else { return };
                let title = if p.title.is_empty() { p.name.clone() } else { p.title.clone() };
                match store.restore(&key, &p) {
                    Ok(_) => {
                        let at = at.min(self.shelf.entries.len());
                        self.shelf.entries.insert(at, (key, p));
                        self.shelf.cursor = at;
                        self.say(Msg::BackOnShelf(&title));
                    }
                    Err(e) => {
                        self.shelf.removed.push((at, key, p));
                        self.message = Some(e.to_string());
                    }
                }
            }
            Action::Close | Action::Shelf => self.overlay = None,
            Action::Quit => self.should_quit = true,
            _ => {}
        }
    }

    /// Opens the text at `path` in place of this one, at its saved place, with its
    /// bookmarks and outline; this text's place is saved first. A file that cannot be read
    /// leaves everything as it was, with the reason in the status line. `encoding` is the
    /// one it was opened with before (`--encoding`), if any.
    pub fn open_text(&mut self, path: &Path, encoding: Option<String>) {
        let decoded = match load::read_file(path, encoding.as_deref()) {
            Ok(d) => d,
            Err(e) => {
                self.message = Some(e.to_string());
                return;
            }
        };
        let name =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let mut doc = Document::new(name, decoded);
        doc.path = std::fs::canonicalize(path).ok();
        self.open_in_place(doc, Some(super::reload::Source::new(path.to_path_buf(), encoding)));
    }

    /// Puts `doc` (read from `source`; none for the bundled article) in place of this text,
    /// at its saved place; this text's place is saved first.
    pub(super) fn open_in_place(&mut self, doc: Document, source: Option<super::reload::Source>) {
        if let Err(e) = self.save_position() {
            self.message = Some(e.to_string());
            return;
        }
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
        fresh.source = source;
        if let Some(store) = self.resume.store().cloned() {
            fresh.use_positions(store, false);
        }
        *self = fresh;
    }
}
