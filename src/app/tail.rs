//! The text's end at once: `G` on a long file still being read ([`super::loading`]) shows
//! a document of the file's last part ([`crate::document::tail`]) in place of the
//! beginning, instead of waiting for the whole text.
//!
//! While the end is shown the status line keeps `indexing NN%`; movement keys act within
//! the end (scrolling up stops at its first row, saying that the rest is still being
//! read); `gg` shows the beginning again (it is kept aside); keys that need the whole text
//! wait as before, and so do those that would keep an offset of the end (bookmarks, jumps
//! back and forward): the end's offsets are its own, not the whole text's. The jump list
//! is not written meanwhile, and a save of the reading place keeps the place last read in
//! the beginning (no offset of the whole text is known for the end yet).
//!
//! The outline pane shows the end's own headings (the last chapters), found by the same
//! classifier: they are where the reader is, and choosing one moves within what is shown.
//! A title or subtitle told at the end's first lines is not the text's (those are told
//! from the text's start), so they are plain paragraphs there.
//!
//! When the whole text arrives, the character first in view in the end goes to
//! `whole.len() - (end.len() - offset)` (the end is a suffix of the whole decoded text; if
//! it is not, the file changed or was found to be in another encoding, and the whole text
//! opens at its end, where `G` asked for). A view at the end's last row stays at the end:
//! the whole text's outline may be wider, so its rows wrapped narrower, and the first
//! character kept on the top row would push the last line out of view.

use std::sync::Arc;

use super::App;
use super::effect::Effect;
use super::state::loading::Tail;
use crate::document::tail::End;
use crate::document::{Document, load::Decoded, open};
use crate::i18n::Msg;
use crate::input::Action;
use crate::layout::{Layout, Pos};

impl App {
    /// Whether the text's end is shown in place of its beginning.
    pub fn tail_shown(&self) -> bool {
        self.loading.as_ref().is_some_and(|l| l.tail.is_some())
    }

    fn tail(&self) -> Option<&Tail> {
        self.loading.as_ref().and_then(|l| l.tail.as_ref())
    }

    /// While the rest is read, with no action waiting and the text pane reading keys:
    /// takes `action` when the end acts on it (returns `true`), else leaves it to waiting
    /// or to the usual path.
    pub(super) fn tail_action(&mut self, action: Action) -> bool {
        if self.mode() != crate::input::Mode::Text || self.prompt.is_some() {
            return false;
        }
        let shown = self.tail_shown();
        match action {
            Action::Bottom if !shown && self.tail_source().is_some() => {
                self.message = None;
                self.effects.push(Effect::ReadTail);
            }
            // The end's own bottom (no jump is recorded while the end is shown).
            Action::Bottom if shown => self.apply(action),
            Action::Top if shown => {
                self.message = None;
                self.leave_tail(Pos::default());
            }
            _ => return false,
        }
        true
    }

    /// After scrolling up (keys, the wheel: [`App::scroll`]): at the end's first row, says
    /// that the rest is still being read.
    pub(super) fn tail_scrolled_up(&mut self) {
        if self.tail_shown() && self.top == Pos::default() {
            self.say(Msg::OnlyTheEndYet);
        }
    }

    /// Whether `action` waits while the end is shown, though it would not while the
    /// beginning is: it would keep an offset of the end.
    pub(super) fn waits_on_tail(&self, action: Action) -> bool {
        self.tail_shown()
            && matches!(
                action,
                Action::Bookmark | Action::BookmarkWithNote | Action::JumpBack | Action::JumpForward
            )
    }

    /// The file, its encoding and its size as opened, when its end can be read apart: a
    /// file (not a pipe) whose beginning was decoded in an encoding that can be cut at a
    /// line.
    pub(super) fn tail_source(&self) -> Option<(std::path::PathBuf, &'static str, u64)> {
        let total = self.loading.as_ref()?.total?;
        let path = self.source.as_ref()?.path.clone();
        let encoding = self.doc.encoding;
        crate::document::tail::line_safe(encoding)?;
        Some((path, encoding, total))
    }

    /// The runtime read the file's end (`None`: it could not): shows it, or lets `G` wait
    /// for the whole text as it would have.
    pub(super) fn tail_read(&mut self, end: Option<End>) {
        let shown = end.and_then(|end| Some((self.tail_document(end.text)?, end.bytes)));
        let Some((doc, tail_bytes)) = shown else {
            if let Some(loading) = self.loading.as_mut() {
                loading.pending.push(Action::Bottom);
            }
            return;
        };
        // The beginning's place is a place of the whole text: a jump back returns there.
        self.record_jump();
        let head_place = self.reading_place();
        let tail = Tail {
            head: Arc::clone(&self.doc),
            head_top: self.top,
            head_place,
            head_percent: self.percent,
            head_fold: std::mem::take(&mut self.fold),
            head_cursor: self.outline_cursor,
            head_quotes: self.quotes.index.take(),
            head_here: std::mem::take(&mut self.quotes.here),
            head_figures: self.figures.index.take(),
            tail_bytes,
        };
        self.put_document(Arc::new(doc), 0);
        if let Some(loading) = self.loading.as_mut() {
            loading.tail = Some(tail);
        }
        let last = self.layout.last(&self.doc);
        self.set_top(last);
    }

    /// A document of the end, built as the beginning was; `None` when it has nothing to
    /// read.
    fn tail_document(&self, text: String) -> Option<Document> {
        let decoded = Decoded { text, encoding: self.doc.encoding, warnings: Vec::new() };
        open::text_document(decoded, &open::Origin::of(&self.doc), open::Part::End).ok()
    }

    /// Shows the beginning again, at `top`.
    fn leave_tail(&mut self, top: Pos) {
        let Some(tail) = self.loading.as_mut().and_then(|l| l.tail.take()) else { return };
        self.put_document(tail.head, tail.head_cursor);
        self.fold = tail.head_fold;
        self.quotes.index = tail.head_quotes;
        self.quotes.here = tail.head_here;
        self.figures.index = tail.head_figures;
        self.set_top(top);
    }

    /// `doc` in the reader in place of the one shown, nothing of whose blocks is kept.
    fn put_document(&mut self, doc: Arc<Document>, outline_cursor: usize) {
        self.doc = doc;
        self.layout = Layout::new(self.layout.settings().clone());
        self.figure_cache = Default::default();
        self.selection = super::Selection::None;
        self.fold = Default::default();
        self.outline_cursor = outline_cursor;
        self.top = Pos::default();
        self.outline_natural = self.outline_natural_width();
        self.relayout();
    }

    /// The rest could not be read: the beginning again, where it was left.
    pub(super) fn tail_given_up(&mut self) {
        if let Some(top) = self.tail().map(|t| t.head_top) {
            self.leave_tail(top);
        }
    }

    /// The place of the whole text to keep in view when it arrives: the first character
    /// in view in the end, in the whole text (its end when the end is not its suffix).
    pub(super) fn tail_place_in(&mut self, whole: &Document) -> usize {
        // What scrolling up on the end said is no longer so.
        if self.message.as_deref() == Some(crate::i18n::text(Msg::OnlyTheEndYet).as_str()) {
            self.message = None;
        }
        let offset = self.reading_place();
        crate::document::tail::place_in_whole(&self.doc.text, &whole.text, offset).unwrap_or(whole.text.len())
    }

    /// Whether the view shows the end's last row (the whole text then opens at its end:
    /// with another outline beside it, its rows may be wrapped to another width).
    pub(super) fn tail_at_end(&mut self) -> bool {
        let height = self.text_height().max(1);
        self.top >= self.layout.max_top(&self.doc, height)
    }

    /// The percentage read when the end is shown and the view ends at `end`: the bytes of
    /// the file before it, counting the end's text as spread evenly over its bytes.
    pub(super) fn tail_percent(&self, end: usize) -> Option<u8> {
        let tail = self.tail()?;
        let len = self.doc.text.len().max(1) as u128;
        let left = (len - end.min(self.doc.text.len()) as u128) * u128::from(tail.tail_bytes) / len;
        let total = u128::from(self.loading.as_ref()?.total?.max(1));
        Some(((total.saturating_sub(left)) * 100 / total).min(100) as u8)
    }

    /// What a save of the reading place keeps while the end is shown: the beginning, the
    /// place last read there and its percentage.
    pub(super) fn tail_saved_place(&self) -> Option<(Arc<Document>, usize, u8)> {
        self.tail().map(|t| (Arc::clone(&t.head), t.head_place, t.head_percent))
    }
}
