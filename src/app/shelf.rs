//! The bookshelf overlay: the texts read (from the positions file), most recent first;
//! Enter opens one in place of the current text (its bookmarks, place and outline with it),
//! `d` removes an entry (the file itself is untouched) and `u` puts it back, Esc closes.

use std::path::{Path, PathBuf};

use super::effect::Effect;
use super::{App, Overlay};
use crate::app::Action;
use crate::i18n::{Message, Msg};
use crate::store::positions::{Position, PositionError};

pub use super::state::shelf::*;

impl App {
    /// `S`: the shelf is opened by the runtime (it saves this text's place first, so the
    /// list is up to date, then reads the list).
    pub(super) fn ask_shelf(&mut self) {
        if self.resume.store().is_none() {
            self.say(Msg::ShelfNotKept);
            return;
        }
        self.effects.push(Effect::OpenShelf);
    }

    /// Opens the shelf on the list the runtime read, after saving this text's place (`saved`).
    /// `missing` says, per entry, whether its file is gone.
    pub(super) fn open_shelf(
        &mut self,
        saved: Result<(), PositionError>,
        listed: Result<Vec<(String, Position)>, PositionError>,
        missing: impl Fn(&Position) -> bool,
    ) {
        if let Err(e) = saved {
            self.fail(e);
        }
        match listed {
            Ok(mut entries) => {
                // The text being read first: it was just saved, but another text saved in the
                // same second (times are kept to the second) could otherwise come before it.
                if let Some(i) = entries.iter().position(|(k, _)| Some(k.as_str()) == self.resume.key()) {
                    let current = entries.remove(i);
                    entries.insert(0, current);
                }
                let missing = entries.iter().map(|(_, p)| missing(p)).collect();
                self.shelf = Shelf { entries, missing, cursor: 0, removed: Vec::new() };
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
                Some((_, p)) if p.stdin => self.say(crate::i18n::Msg::StdinNotReopened),
                Some((_, p)) if p.path.is_empty() => self.effects.push(Effect::OpenBundled),
                Some((_, p)) => {
                    let encoding = (!p.encoding.is_empty()).then(|| p.encoding.clone());
                    self.effects.push(Effect::OpenText(PathBuf::from(&p.path), encoding));
                }
                None => self.overlay = None,
            },
            Action::Delete => {
                let Some((key, p)) = self.shelf.entries.get(self.shelf.cursor).cloned() else { return };
                if self.resume.store().is_none() {
                    return;
                }
                let title = if p.title.is_empty() { p.name } else { p.title };
                self.effects.push(Effect::ForgetShelfEntry { key, title });
            }
            Action::Undo => match self.shelf.removed.pop() {
                Some((at, key, p)) => {
                    self.effects.push(Effect::RestoreShelfEntry { at, key, entry: Box::new(p) })
                }
                None => self.say(Msg::NothingToUndo),
            },
            Action::Close | Action::Shelf => self.overlay = None,
            Action::Quit => self.should_quit = true,
            _ => {}
        }
    }

    /// The runtime found the file of the entry under the cursor gone.
    pub(super) fn shelf_entry_missing(&mut self, path: &Path) {
        self.say(Msg::ShelfEntryMissing(&path.display().to_string()));
    }

    /// The runtime removed the entry under the cursor from the positions file (or failed to).
    pub(super) fn shelf_entry_forgotten(&mut self, result: Result<bool, PositionError>, title: &str) {
        match result {
            Ok(_) => {
                let at = self.shelf.cursor;
                let (key, p) = self.shelf.entries.remove(at);
                self.shelf.missing.remove(at);
                self.shelf.cursor = at.min(self.shelf.entries.len().saturating_sub(1));
                self.shelf.removed.push((at, key, p));
                self.say(Msg::RemovedFromShelf(title));
            }
            Err(e) => self.fail(e),
        }
    }

    /// The runtime put back an entry removed from the shelf (`u`), listed at `at` before (or
    /// failed to, and it can be tried again); `gone` says whether its file is missing.
    pub(super) fn shelf_entry_restored(
        &mut self,
        result: Result<bool, PositionError>,
        at: usize,
        (key, p): (String, Position),
        gone: bool,
    ) {
        match result {
            Ok(_) => {
                let title = if p.title.is_empty() { p.name.clone() } else { p.title.clone() };
                let at = at.min(self.shelf.entries.len());
                self.shelf.missing.insert(at, gone);
                self.shelf.entries.insert(at, (key, p));
                self.shelf.cursor = at;
                self.say(Msg::BackOnShelf(&title));
            }
            Err(e) => {
                self.shelf.removed.push((at, key, p));
                self.message = Some(Message::error(e.to_string()));
            }
        }
    }
}
