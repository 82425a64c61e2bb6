//! Resume: the reading place (the first character in view) is saved per text on quit and
//! every few seconds of reading, and a text opened again returns there: the same text by
//! its identity ([`crate::store::identity`]), the same place by its excerpt when the text
//! changed. Each save also keeps the text's bookshelf entry (title, path, percent read).

use std::time::Instant;

use super::App;
use crate::i18n::Msg;
use crate::store::positions::{Place, PositionError, PositionStore};

pub use super::state::resume::*;

impl App {
    /// Keeps reading places in `store`; unless `from_start`, returns to this article's saved
    /// place and says so in the status line. A file that cannot be read turns saving off for
    /// this run, with the reason in the status line.
    pub fn use_positions(&mut self, store: PositionStore, from_start: bool) {
        let found = store.find(&self.doc);
        self.use_positions_found(store, found, from_start);
    }

    /// [`App::use_positions`] with this document's record already looked up in `store`.
    pub fn use_positions_found(
        &mut self,
        store: PositionStore,
        found: Result<
            Option<(String, crate::store::positions::Position)>,
            crate::store::positions::PositionError,
        >,
        from_start: bool,
    ) {
        self.resume.key = None;
        self.resume.recorded = false;
        self.resume.saved = None;
        match found {
            Err(e) => {
                self.fail(e);
                self.resume.store = None;
                return;
            }
            Ok(Some((key, _))) if from_start || self.doc.blocks.is_empty() => self.resume.key = Some(key),
            Ok(Some((key, p))) => {
                self.resume.key = Some(key);
                let offset = crate::store::identity::find_place(&self.doc.text, p.offset, &p.excerpt, p.len);
                self.scroll_to_offset(offset);
                // The real screen size comes next: re-anchor that resize on the exact place.
                self.resize_anchor = Some(offset);
                self.resume.saved = Some(offset);
                let section = self
                    .current_heading()
                    .map(|h| self.heading_label(h))
                    .unwrap_or_else(|| self.doc.name.clone());
                // The percentage read is on the right of the status line already.
                self.say(Msg::Resumed { section: &section });
            }
            Ok(None) => {}
        }
        self.resume.store = Some(store);
    }

    /// The reading place: the first character in view (the one resizes keep).
    pub fn reading_place(&mut self) -> usize {
        if self.doc.blocks.is_empty() {
            return 0;
        }
        self.view_anchor()
    }

    /// Saves the reading place if it moved since the last save (or this run saved none yet:
    /// the bookshelf learns that the text was opened).
    pub fn save_position(&mut self) -> Result<(), PositionError> {
        // While the text's end is shown, the place last read in the beginning.
        let (doc, offset, percent) = match self.tail_saved_place() {
            Some(saved) => saved,
            None => (std::sync::Arc::clone(&self.doc), self.reading_place(), self.percent_cached()),
        };
        let Some(store) = &self.resume.store else { return Ok(()) };
        if self.resume.saved == Some(offset) && self.resume.recorded {
            return Ok(());
        }
        let opened = !self.resume.recorded;
        let at = Place { offset: offset as u64, percent };
        let encoding = self.source.as_ref().and_then(|s| s.encoding.as_deref());
        let result = store.record(&doc, self.resume.key.as_deref(), at, opened, encoding).map(|key| {
            self.resume.key = Some(key);
            self.resume.recorded = true;
        });
        match &result {
            Ok(()) => self.resume.saved = Some(offset),
            // A file that became unreadable is not written again in this run.
            Err(PositionError::Parse { .. }) => self.resume.store = None,
            Err(_) => {}
        }
        result
    }

    /// Called a few times a second by the event loop: saves the place every [`SAVE_EVERY`].
    /// Returns whether the screen needs drawing again (a failure to report).
    pub fn tick(&mut self, now: Instant) -> bool {
        if !self.resume.active() {
            return false;
        }
        match self.resume.last {
            None => self.resume.last = Some(now),
            Some(last) if now.duration_since(last) < SAVE_EVERY => {}
            Some(_) => {
                self.resume.last = Some(now);
                // While the rest of the text is read, a place not moved yet waits for it.
                if self.unmoved_while_loading() {
                    return false;
                }
                if let Err(e) = self.save_position() {
                    self.fail(e);
                    // One report is enough: stop trying until the reader is started again.
                    self.resume.store = None;
                    return true;
                }
            }
        }
        false
    }
}
