//! The state of `app::quotes` (see there), apart from what it does to the reader: a leaf,
//! so the reader's state can hold it without importing the file that acts on the reader.

use crate::document::Document;
use crate::document::quotes::{Quote, QuoteKind, find_quotes};
use crate::i18n::{self, Msg};
use crate::store::bookmarks::{self, Bookmark, Store, StoreError};
use crate::store::identity;
use std::ops::Range;
use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Weak};

/// The quotes of the article, the selection and the bookmarks.
#[derive(Debug, Default)]
pub struct QuoteState {
    /// Every quotation, in order; `None` until they are found (a big text's are found on
    /// first use, not at start).
    pub index: Option<Vec<Quote>>,
    /// The bookmarks file (`None` when there is no place for one).
    pub store: Option<Store>,
    /// Why the file cannot be used (unparsable, not a bookmarks file, unreadable): nothing
    /// is stored until it is fixed, which every save and every opening of the list checks
    /// again; the list names it instead of saying there are no bookmarks.
    pub broken: Option<String>,
    /// Every bookmark in the file, as last read or written.
    pub all: Vec<Bookmark>,
    /// This article's bookmarks: index into `all` and where the passage is now (`None`:
    /// detached, its text is gone).
    pub here: Vec<(usize, Option<Range<usize>>)>,
    /// The entry under the cursor in the bookmark list.
    pub cursor: usize,
    /// Bookmarks deleted from the list, newest last (for undo).
    pub deleted: Vec<Bookmark>,
    /// The bookmark waiting for its note while the note prompt is open.
    pub draft: Option<Bookmark>,
    /// The article's id ([`Document::id`]), computed once.
    pub article: String,
    /// `quotes.step = "speech"`: `)` / `(` step through speech only.
    pub speech_only: bool,
    /// The quotes being found on the loader's thread (a text opened, its beginning or the
    /// whole text put in its place), so that no frame and no key waits for them.
    pub coming: Option<QuotesComing>,
}

/// The quotes of one document, being found on another thread.
#[derive(Debug)]
pub struct QuotesComing {
    doc: Weak<Document>,
    rx: Receiver<Vec<Quote>>,
}

impl QuotesComing {
    /// Where the quotes of `doc` are to be sent, and what waits for them.
    pub fn channel(doc: &Arc<Document>) -> (Sender<Vec<Quote>>, Self) {
        let (tx, rx) = channel();
        (tx, QuotesComing { doc: Arc::downgrade(doc), rx })
    }

    /// Whether these are the quotes of `doc`.
    pub fn is_for(&self, doc: &Document) -> bool {
        std::ptr::eq(self.doc.as_ptr(), doc)
    }
}

/// Texts up to this size have their quotes found at start (so they are highlighted at once);
/// bigger ones when a quote is first asked for, so opening a long novel stays fast.
pub const EAGER_QUOTES_BYTES: usize = 4 << 20;

/// The paragraphs of a document as byte ranges (quotes never cross one).
pub fn paragraphs(doc: &Document) -> Vec<Range<usize>> {
    doc.blocks.iter().map(|b| b.range()).collect()
}

/// The quotations of a document.
pub fn document_quotes(doc: &Document) -> Vec<Quote> {
    find_quotes(&doc.text, &paragraphs(doc))
}

/// [`document_quotes`], calling `pause` now and then (a thread beside the reader gives way
/// to its keys there: [`crate::document::quotes::find_quotes_pausing`]).
pub fn document_quotes_pausing(doc: &Document, pause: &mut dyn FnMut()) -> Vec<Quote> {
    crate::document::quotes::find_quotes_pausing(&doc.text, &paragraphs(doc), pause)
}

/// The heading text of the section holding byte `offset`.
pub fn section_of(doc: &Document, offset: usize) -> Option<std::borrow::Cow<'_, str>> {
    if doc.blocks.is_empty() {
        return None;
    }
    let h = doc.heading_at(doc.block_at(offset))?;
    Some(doc.heading_text(&doc.headings[h]))
}

impl QuoteState {
    /// Reads the bookmarks file at `path` for `doc` and, when `now` and the text is short,
    /// finds its quotes (else they are found later: [`QuoteState::find`]).
    pub fn new(doc: &Document, path: Option<&Path>, now: bool) -> (Self, Option<String>) {
        let mut s = QuoteState { article: doc.id(), ..QuoteState::default() };
        if now && doc.text.len() <= EAGER_QUOTES_BYTES {
            s.find(doc);
        }
        let msg = s.open(doc, path);
        (s, msg)
    }

    /// Finds the quotes of `doc` unless that is done already: waits for them when they are
    /// being found on another thread (rather than finding them twice).
    pub fn find(&mut self, doc: &Document) {
        if self.index.is_some() {
            return;
        }
        // (Another document's quotes coming, the beginning's while the end is shown, stay.)
        if self.coming.as_ref().is_some_and(|c| c.is_for(doc))
            && let Some(coming) = self.coming.take()
            && let Ok(found) = coming.rx.recv()
        {
            self.index = Some(found);
            return;
        }
        self.index = Some(document_quotes(doc));
    }

    /// The quotes found on another thread, once they are there, with what waited for them
    /// (which tells the document they are of: it may no longer be the one shown).
    pub fn arrived(&mut self) -> Option<(QuotesComing, Vec<Quote>)> {
        let coming = self.coming.as_ref()?;
        match coming.rx.try_recv() {
            Ok(found) => self.coming.take().map(|c| (c, found)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.coming = None;
                None
            }
        }
    }

    /// The quotations found so far: all of them once [`QuoteState::find`] ran, none before.
    pub fn quotes(&self) -> &[Quote] {
        self.index.as_deref().unwrap_or_default()
    }

    /// Switches to the bookmarks file at `path`; returns a message for the status line.
    pub fn open(&mut self, doc: &Document, path: Option<&Path>) -> Option<String> {
        self.store = path.map(Store::new);
        self.broken = None;
        self.all.clear();
        let msg = match &self.store {
            None => Some(crate::i18n::text(crate::i18n::Msg::NoBookmarksPlace)),
            Some(store) => match store.load() {
                Ok(all) => {
                    self.all = all;
                    None
                }
                Err(e) => {
                    let msg = e.to_string();
                    self.broken = Some(msg.clone());
                    Some(msg)
                }
            },
        };
        self.relocate(doc);
        msg
    }

    /// Recomputes where this article's bookmarks are.
    pub(in crate::app) fn relocate(&mut self, doc: &Document) {
        let mine: Vec<usize> =
            (0..self.all.len()).filter(|&i| identity::belongs_to(&self.all[i], doc, &self.article)).collect();
        let refs: Vec<&Bookmark> = mine.iter().map(|&i| &self.all[i]).collect();
        let mut here: Vec<(usize, Option<Range<usize>>)> =
            mine.iter().copied().zip(bookmarks::locate_all(&refs, doc)).collect();
        // In reading order; detached ones last.
        here.sort_by_key(|(i, r)| (r.is_none(), r.as_ref().map_or(0, |r| r.start), *i));
        self.here = here;
        self.cursor = self.cursor.min(self.here.len().saturating_sub(1));
    }

    /// The located bookmark ranges overlapping `start..end`.
    pub fn marks_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Range<usize>> {
        self.here.iter().filter_map(|(_, r)| r.as_ref()).filter(move |r| r.start < end && start < r.end)
    }

    /// The located highlights (bookmarks of kind highlight) overlapping `start..end`.
    pub fn highlights_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Range<usize>> {
        self.here
            .iter()
            .filter(|(i, _)| self.all[*i].is_highlight())
            .filter_map(|(_, r)| r.as_ref())
            .filter(move |r| r.start < end && start < r.end)
    }

    /// The quotes overlapping `start..end`, with whether each is `selected` (an index).
    pub fn quotes_in(
        &self,
        start: usize,
        end: usize,
        selected: Option<usize>,
    ) -> impl Iterator<Item = (&Quote, bool)> {
        let first = self.quotes().partition_point(|q| q.end <= start);
        self.quotes()[first..]
            .iter()
            .enumerate()
            .take_while(move |(_, q)| q.start < end)
            .map(move |(i, q)| (q, selected == Some(first + i)))
    }

    /// The status-line text for quote `i`: its number, kind, speaker and the
    /// speaker's title (`quote 3/11 · 丁成 · 首席架构师`). With `quotes.step = "speech"`
    /// the number counts speech only.
    pub fn status(&self, i: usize) -> Option<String> {
        let q = self.quotes().get(i)?;
        let who = match (q.kind, &q.speaker) {
            (QuoteKind::Speech, Some(s)) => match &q.speaker_title {
                Some(t) => i18n::text(Msg::SpeakerWithTitle { speaker: s, title: t }),
                None => s.clone(),
            },
            (QuoteKind::Speech, None) => i18n::text(Msg::SpeakerNotNamed),
            (QuoteKind::Term, _) => i18n::text(Msg::Term),
        };
        let (n, total) = if self.speech_only && q.kind == QuoteKind::Speech {
            let speech = |q: &&Quote| q.kind == QuoteKind::Speech;
            (self.quotes()[..i].iter().filter(speech).count(), self.quotes().iter().filter(speech).count())
        } else {
            (i, self.quotes().len())
        };
        Some(i18n::text(Msg::QuoteStatus { n: n + 1, total, who: &who }))
    }

    /// Whether `)` / `(` may stop on quote `i`.
    pub(in crate::app) fn steppable(&self, i: usize) -> bool {
        !self.speech_only || self.quotes().get(i).is_some_and(|q| q.kind == QuoteKind::Speech)
    }

    /// What the next save rewrites ([`identity::upgrades`]): this text's bookmarks made by an
    /// earlier version, or before the file was moved, take its identity.
    pub(in crate::app) fn upgrades(&self, doc: &Document) -> Vec<bookmarks::Upgrade> {
        let mine: Vec<(&Bookmark, Option<&Range<usize>>)> =
            self.here.iter().map(|(i, r)| (&self.all[*i], r.as_ref())).collect();
        identity::upgrades(&mine, doc, &self.article)
    }

    /// The bookmarks file's contents after a change the runtime made (or why it failed):
    /// the list is relocated in `doc`, a failure turns into the status-line message.
    /// `None`: there is no bookmarks file to change.
    pub(in crate::app) fn saved(
        &mut self,
        doc: &Document,
        result: Option<Result<Vec<Bookmark>, StoreError>>,
    ) -> Result<(), String> {
        // No check of `broken` before the change: the store re-reads the file under its
        // lock and never writes one it cannot parse, so a file fixed meanwhile is used again.
        match result.ok_or_else(|| crate::i18n::text(crate::i18n::Msg::NoBookmarksPlace))? {
            Ok(all) => {
                self.broken = None;
                self.all = all;
                self.relocate(doc);
                Ok(())
            }
            Err(e) => {
                if matches!(e, StoreError::Parse { .. }) {
                    self.broken = Some(e.to_string());
                }
                Err(i18n::text(Msg::NotSaved(&e.to_string())))
            }
        }
    }
}

/// A short form of a passage for lists and messages.
pub fn excerpt(s: &str, chars: usize) -> String {
    let mut out: String = s.chars().take(chars).collect();
    if s.chars().nth(chars).is_some() {
        out.push('…');
    }
    out
}
