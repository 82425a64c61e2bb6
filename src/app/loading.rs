//! Opening a text at once, whatever its size: the beginning is shown first, the whole
//! document is built on another thread and put in place of it when it is ready.
//!
//! A loader thread reads and decodes the source (a file, or standard input) in pieces
//! ([`crate::document::open::read`], [`crate::document::load::read_stream`]).
//! As soon as the text decoded so far reaches [`HEAD_BYTES`] (or, to resume deep in a
//! text, a chosen offset and that much more), it builds a document of it, cut at a line end
//! (the same format, the same blocks and byte offsets as the whole text has there), and
//! sends it; the reader draws it. The thread goes on once that first frame is drawn (or
//! after `FIRST_FRAME_WAIT`: the frame comes first): it finds the beginning's quotes and
//! sends them, reads to the end, builds the whole [`Document`] (blocks, outline), counts
//! what the time left needs and the whole-text hash older records are matched by, and sends
//! it, then its quotes; the reader puts it in place keeping the first character in view
//! ([`App::loaded`], through `switch_to`), and takes quotes as they arrive.
//! A text under [`WHOLE_BELOW`] comes whole: there is nothing to swap.
//!
//! The reader's keys come first: while the text is decoded, the loader gives way (sleeps,
//! between pieces) for [`GIVE_WAY`] after the reader takes a key or draws the frame for it
//! ([`Loader::reader_busy`]), so that on a machine of two cores the reader, the terminal
//! and whoever watches it are not sharing one of them with the loader then.
//!
//! Meanwhile keys act on the beginning; a key that needs the whole text (the end, the
//! outline beyond the beginning, figures, quotes, search, go to: [`needs_whole_text`])
//! waits, with the progress on the status line, and so does every key after it, so they
//! apply in order once the text is in; but `G` on a file shows the file's end at once
//! ([`super::tail`]). Quitting never waits: the thread is not joined.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use super::App;
use super::state::progress::Progress;
use super::state::quotes::{EAGER_QUOTES_BYTES, QuotesComing, document_quotes_pausing};
use crate::config::Config;
use crate::document::open::{Origin, Part};
use crate::document::{Document, load, open};
use crate::i18n::Msg;
use crate::input::Action;

pub use super::state::loading::*;
use give_way::Busy;
pub use give_way::GIVE_WAY;

mod give_way;

/// How much of the text's beginning is shown before the rest is read: several screens (a
/// screen of 120×40 holds about 7 KB of Chinese), and no less than the fingerprint
/// ([`crate::document::FINGERPRINT_BYTES`]: a beginning is cut at a line end at or past
/// this) so that the beginning has the whole text's identity. Building the beginning and
/// setting the reader up on it is most of the first frame's own work, in proportion to it.
pub const HEAD_BYTES: usize = crate::document::FINGERPRINT_BYTES;

/// A text shorter than this comes whole, with no beginning first: building it costs at most
/// a few times what building the beginning does.
pub const WHOLE_BELOW: usize = 2 * HEAD_BYTES;

/// The longest the loader waits, once the beginning is sent, for the reader to draw it
/// ([`Loader::poll`] and the other calls that let it go on): the first frame has the
/// machine to itself (on two cores, the loader, the reader and the terminal compete).
const FIRST_FRAME_WAIT: Duration = Duration::from_millis(100);

/// How often the loader tells how far it has read.
const REPORT_EVERY: usize = 4 << 20;

/// Where a text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file.
    File(PathBuf),
    /// Standard input (a pipe), read up to a size cap in bytes (`--max-size`).
    Stdin {
        /// Bytes read at most.
        cap: u64,
    },
}

/// What to open.
#[derive(Debug, Clone)]
pub struct Request {
    /// The source.
    pub input: Input,
    /// What the document keeps of where its text came from: its name, the file's
    /// canonical path (part of its identity), whether it was standard input.
    pub origin: Origin,
    /// A forced encoding (`--encoding`).
    pub encoding: Option<String>,
}

impl Request {
    /// The file at `path`, as named on the command line.
    pub fn file(path: &std::path::Path, encoding: Option<String>) -> Self {
        Request { input: Input::File(path.to_path_buf()), origin: Origin::file(path), encoding }
    }

    /// Standard input, read up to `cap` bytes.
    pub fn stdin(cap: u64, encoding: Option<String>) -> Self {
        Request { input: Input::Stdin { cap }, origin: Origin::stdin(), encoding }
    }
}

/// The whole document, with what the reader would otherwise count on its own thread.
#[derive(Debug)]
pub struct Built {
    /// The document.
    pub doc: Arc<Document>,
    /// Characters before each block (the time left).
    pub progress: Progress,
    /// Its quotes, being found on the loader's thread once it is sent (a text no longer than
    /// [`EAGER_QUOTES_BYTES`]; a longer one has them found on first use).
    pub quotes: Option<QuotesComing>,
}

impl Built {
    /// A document with nothing counted or coming yet.
    pub fn bare(doc: impl Into<Arc<Document>>) -> Self {
        Built { doc: doc.into(), progress: Progress::default(), quotes: None }
    }
}

// Sent a few times per text: the size of a message does not matter.
#[allow(clippy::large_enum_variant)]
enum Event {
    /// The document of the beginning, cut at a line end, and its quotes coming.
    Head(Arc<Document>, Option<QuotesComing>),
    /// Bytes read so far.
    Read(u64),
    /// The whole document, or why it could not be read.
    Done(Result<Built, String>),
}

/// What [`open()`] gives: the whole document at once (a short text, or an error found before
/// the beginning was ready), or its beginning and the loader reading the rest.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Opened {
    /// The whole document.
    Whole(Built),
    /// The beginning (its quotes coming), and the loader.
    Head(Built, Loader),
}

/// News from the loader for the reader.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub enum News {
    /// Bytes read so far.
    Read(u64),
    /// The whole document, or why the rest could not be read.
    Done(Result<Built, String>),
}

/// The loader thread's end: what it sends, and what the reader asks of it.
#[derive(Debug)]
pub struct Loader {
    rx: Receiver<Event>,
    want: Arc<AtomicUsize>,
    total: Option<u64>,
    done: Option<Result<Built, String>>,
    /// Dropped to let the loader go on past the beginning (`FIRST_FRAME_WAIT`).
    hold: Option<Sender<()>>,
    /// When the reader last took a key or drew a frame for one: the loader gives way.
    busy: Arc<Busy>,
}

impl std::fmt::Debug for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Event::Head(doc, _) => write!(f, "Head({} bytes)", doc.text.len()),
            Event::Read(n) => write!(f, "Read({n})"),
            Event::Done(r) => write!(f, "Done({})", if r.is_ok() { "ok" } else { "error" }),
        }
    }
}

/// Starts reading `request` on a thread; returns as soon as the beginning (or the whole
/// text, or an error) is there.
pub fn open(request: Request) -> Result<Opened, String> {
    start(request).opened()
}

/// Starts reading `request` on a thread and returns at once: [`Started::opened`] waits for
/// the beginning, so that the reader can do its own start-up work (read its config) while
/// the text is read.
pub fn start(request: Request) -> Started {
    start_with(request, HEAD_BYTES, WHOLE_BELOW)
}

/// [`open()`] with a beginning of `head` bytes, for texts of `whole_below` bytes or more
/// (tests use small ones).
pub fn open_with(request: Request, head: usize, whole_below: usize) -> Result<Opened, String> {
    start_with(request, head, whole_below).opened()
}

fn start_with(request: Request, head: usize, whole_below: usize) -> Started {
    let (tx, rx) = channel();
    let want = Arc::new(AtomicUsize::new(head));
    let total = match &request.input {
        Input::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
        Input::Stdin { .. } => None,
    };
    let wanted = Arc::clone(&want);
    let (hold, held) = channel();
    let busy = Arc::new(Busy::new());
    let reader = Arc::clone(&busy);
    std::thread::spawn(move || load(request, total, &wanted, whole_below, &tx, &held, &reader));
    Started(Loader { rx, want, total, done: None, hold: Some(hold), busy })
}

/// A loader started, its beginning not yet waited for.
#[derive(Debug)]
pub struct Started(Loader);

impl Started {
    /// Waits for the beginning (or the whole text, or an error).
    pub fn opened(self) -> Result<Opened, String> {
        let mut loader = self.0;
        match loader.next_head() {
            Some(head) => Ok(Opened::Head(head, loader)),
            None => match loader.done.take() {
                Some(Ok(built)) => Ok(Opened::Whole(built)),
                Some(Err(e)) => Err(e),
                None => Err(String::from("the loader stopped")),
            },
        }
    }
}

/// The loader thread: reads and decodes, sends the beginning when it is there (and waits
/// until `held` ends for the first frame to be drawn), then the whole document; between
/// pieces it gives way to the reader while `busy` says so. `size` is the file's, when
/// known: a file of `whole_below` bytes or more has its beginning sent before that much of
/// it is read.
fn load(
    request: Request,
    size: Option<u64>,
    want: &AtomicUsize,
    whole_below: usize,
    tx: &Sender<Event>,
    held: &Receiver<()>,
    busy: &Busy,
) {
    let long = |read: usize| read >= whole_below || size.is_some_and(|size| size >= whole_below as u64);
    // Quotes are found at once for a text no longer than this (else on first use).
    let eager = size.is_none_or(|size| size <= EAGER_QUOTES_BYTES as u64);
    let mut sent = 0usize;
    let mut reported = 0usize;
    let mut page = false;
    let mut resumed = 0;
    let mut watch = |text: &str, read: usize, encoding: &'static str| {
        busy.give_way(&mut resumed);
        page = page || crate::document::sniff::is_page(&request.origin.name, text.as_bytes());
        if read >= reported + REPORT_EVERY {
            reported = read;
            let _ = tx.send(Event::Read(read as u64));
        }
        let wanted = want.load(Ordering::Acquire);
        // A text shorter than `whole_below` comes whole (a stream's is all there when its
        // first megabyte has been read). A web page's beginning is not the beginning of its
        // article (the article is found on the whole page): a page comes whole.
        if wanted > sent
            && long(read)
            && !page
            && let Some(end) = head_end(text, wanted)
        {
            sent = wanted;
            // A beginning with nothing to read (blank lines before the text) is not shown:
            // the whole text comes first.
            let decoded = load::Decoded { text: text[..end].to_string(), encoding, warnings: Vec::new() };
            let Ok(doc) = open::text_document(decoded, &request.origin, Part::Start) else { return };
            let doc = Arc::new(doc);
            let (found, coming) = eager.then(|| QuotesComing::channel(&doc)).unzip();
            let _ = tx.send(Event::Head(Arc::clone(&doc), coming));
            // Until it is drawn (a wake left by a beginning asked for before this one is not
            // that): the frame has the machine to itself.
            while held.try_recv().is_ok() {}
            let _ = held.recv_timeout(FIRST_FRAME_WAIT);
            // The quotes of the beginning shown (the reader may have asked for one reaching
            // deeper before its first frame: then that one's).
            if want.load(Ordering::Acquire) == sent
                && let Some(found) = found
            {
                let _ = found.send(document_quotes_pausing(&doc, &mut || busy.give_way(&mut resumed)));
            }
        }
    };
    let encoding = request.encoding.as_deref();
    let origin = &request.origin;
    // A book is read whole, in one go (`open::read`): its text is extracted from the
    // chapters, not decoded in pieces, so there is no beginning to show first.
    let doc = match &request.input {
        Input::File(path) => open::read(path, encoding, &mut watch)
            .and_then(|contents| open::document(contents, path, origin))
            .map_err(|e| e.to_string()),
        // Standard input's errors are reasons: the reader puts its name before them.
        Input::Stdin { cap } => load::read_stream(std::io::stdin().lock(), encoding, *cap, &mut watch)
            .and_then(|decoded| open::text_document(decoded, origin, Part::Start)),
    };
    let mut found = None;
    let built = doc.map(|doc| {
        // Computed here, so that matching records of earlier versions costs the reader
        // nothing when the document arrives.
        let _ = doc.legacy_id();
        let progress = Progress::counted(&doc);
        let doc = Arc::new(doc);
        let (sender, coming) =
            (doc.text.len() <= EAGER_QUOTES_BYTES).then(|| QuotesComing::channel(&doc)).unzip();
        found = sender.map(|sender| (sender, Arc::clone(&doc)));
        Built { progress, doc, quotes: coming }
    });
    let _ = tx.send(Event::Done(built));
    // The quotes once the document is on its way: neither the first frame of a short text
    // nor the whole text put in place of its beginning waits for them.
    if let Some((sender, doc)) = found {
        let _ = sender.send(document_quotes_pausing(&doc, &mut || busy.give_way(&mut resumed)));
    }
}

/// Where a beginning of at least `want` bytes of `text` ends: after the first line end at or
/// past `want`; in a line far longer than that, at a character boundary at `want`. `None`
/// while the text is shorter, and for a beginning holding a NUL byte (the whole read
/// refuses that text: the error comes first, as for a short file).
fn head_end(text: &str, want: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.len() <= want {
        return None;
    }
    let end = match memchr::memchr2(b'\n', b'\r', &bytes[want..]) {
        Some(i) => want + i + 1,
        None if bytes.len() >= want + crate::document::MAX_BLOCK_BYTES => {
            let mut at = want;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        }
        None => return None,
    };
    (memchr::memchr(0, &bytes[..end]).is_none()).then_some(end)
}

impl Loader {
    /// The size of the source, when known.
    pub fn total(&self) -> Option<u64> {
        self.total
    }

    /// Lets the loader go on past the beginning: the first frame is on screen.
    pub fn frame_drawn(&mut self) {
        self.hold = None;
    }

    /// The reader is taking a key, or has drawn the frame for one: the loader gives way
    /// ([`GIVE_WAY`]). Not to be called while a key waits for the whole text
    /// ([`App::keys_wait`]).
    pub fn reader_busy(&self) {
        self.busy.mark();
    }

    /// Waits for the next beginning asked for; `None` when the whole document (or an
    /// error) came first, which [`Loader::poll`] then gives.
    fn next_head(&mut self) -> Option<Built> {
        loop {
            match self.rx.recv() {
                Ok(Event::Head(doc, quotes)) => return Some(Built { quotes, ..Built::bare(doc) }),
                Ok(Event::Read(_)) => {}
                Ok(Event::Done(result)) => {
                    self.done = Some(result);
                    return None;
                }
                Err(_) => return None,
            }
        }
    }

    /// A beginning reaching past byte `offset` (a saved place deep in the text), waiting for
    /// it to be decoded; `None` when the whole document came first.
    pub fn head_past(&mut self, offset: usize) -> Option<Built> {
        if self.done.is_some() {
            return None;
        }
        self.want.store(offset.saturating_add(HEAD_BYTES), Ordering::Release);
        // The loader waits for the first beginning's frame: it is to go on to this one now,
        // and wait for its frame instead.
        if let Some(hold) = &self.hold {
            let _ = hold.send(());
        }
        self.next_head()
    }

    /// What the loader has said since it was last asked, without waiting: the whole
    /// document as soon as it is there, else how far it has read. The first call lets the
    /// loader go on past the beginning (the reader asks once the first frame is drawn).
    pub fn poll(&mut self) -> Option<News> {
        self.hold = None;
        if let Some(done) = self.done.take() {
            return Some(News::Done(done));
        }
        let mut read = None;
        loop {
            match self.rx.try_recv() {
                Ok(Event::Read(n)) => read = Some(n),
                Ok(Event::Head(..)) => {}
                Ok(Event::Done(result)) => return Some(News::Done(result)),
                Err(_) => return read.map(News::Read),
            }
        }
    }

    /// Waits up to `timeout` for the whole document (tests and script use).
    pub fn wait(&mut self, timeout: Duration) -> Option<Result<Built, String>> {
        self.hold = None;
        if let Some(done) = self.done.take() {
            return Some(done);
        }
        let until = std::time::Instant::now() + timeout;
        loop {
            let left = until.saturating_duration_since(std::time::Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(Event::Done(result)) => return Some(result),
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }
}

impl App {
    /// A reader on the beginning of a text whose rest a loader is reading: its quotes come
    /// from the loader (`QuoteState::coming`) and the time left is not counted while the
    /// status line shows the loader's progress instead ([`App::begin_loading`] says how far
    /// it is).
    pub fn beginning(doc: impl Into<Arc<Document>>, config: Config, width: u16, height: u16) -> Self {
        let loading = Some(super::state::loading::Loading::default());
        Self::built(doc.into(), Progress::default(), config, width, height, false, loading)
    }

    /// Shows the beginning while the rest is read ([`Loader::total`] bytes in all, if known);
    /// `from_start` as given on the command line.
    pub fn begin_loading(&mut self, total: Option<u64>, from_start: bool) {
        let start = Some(self.reading_place());
        self.loading = Some(Loading { total, start, from_start, ..Loading::default() });
    }

    /// Takes the quotes found on the loader's thread once they are there: they are the shown
    /// document's, or those of the beginning set aside while the text's end is shown, or of
    /// a document no longer shown (dropped). Returns whether the screen shows them.
    pub fn quotes_arrived(&mut self) -> bool {
        let Some((coming, found)) = self.quotes.arrived() else { return false };
        if coming.is_for(&self.doc) && self.quotes.index.is_none() {
            self.quotes.index = Some(found);
            return true;
        }
        if let Some(tail) = self.loading.as_mut().and_then(|l| l.tail.as_mut())
            && coming.is_for(&tail.head)
            && tail.head_quotes.is_none()
        {
            tail.head_quotes = Some(found);
        }
        false
    }

    /// Whether the rest of the text is still being read.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Whether an action waits for the whole text (and every key after it with it).
    pub fn keys_wait(&self) -> bool {
        self.loading.as_ref().is_some_and(|l| l.waiting() > 0)
    }

    /// The loader has read `read` bytes. Returns whether the status line's word on it changed.
    pub fn loading_read(&mut self, read: u64) -> bool {
        let Some(loading) = self.loading.as_mut() else { return false };
        let before = loading.status();
        loading.read = read;
        loading.status() != before
    }

    /// Whether the rest of the text is read and the reader has not moved from where the
    /// beginning was first shown (nor to the text's end): a place saved now would only say
    /// so again, and could hide a saved place that only the whole text finds (a record of an
    /// earlier version, matched by the whole text's hash).
    pub(super) fn unmoved_while_loading(&mut self) -> bool {
        let Some(start) = self.loading.as_ref().filter(|l| l.tail.is_none()).map(|l| l.start) else {
            return false;
        };
        start == Some(self.reading_place())
    }

    /// While the rest is read: keeps `action` for later when it needs the whole text (or an
    /// action before it waits already); returns whether it was kept, or taken by the text's
    /// end ([`super::tail`]). Quitting never waits.
    pub(super) fn waits_for_text(&mut self, action: Action) -> bool {
        let overlay = self.overlay.is_some();
        let Some(loading) = self.loading.as_ref() else { return false };
        if action == Action::Quit {
            return false;
        }
        let idle = loading.pending.is_empty();
        // `G` on a file shows its end at once ([`super::tail`]).
        if idle && !overlay && self.tail_action(action) {
            return true;
        }
        if !idle || (!overlay && (needs_whole_text(action) || self.waits_on_tail(action))) {
            if let Some(loading) = self.loading.as_mut() {
                loading.pending.push(action);
            }
            return true;
        }
        false
    }

    /// The loader's news: progress, or the whole document in place of the beginning (the
    /// first character in view stays in view, the actions that waited are applied), or why
    /// the rest could not be read (the beginning stays, with the reason). Returns whether the
    /// screen shows something new (progress that does not move the status line does not).
    pub fn loader_news(&mut self, news: News) -> bool {
        match news {
            News::Read(read) => return self.loading_read(read),
            News::Done(Ok(built)) => self.loaded(built),
            News::Done(Err(why)) => {
                self.tail_given_up();
                let pending = self.loading.take().map(|l| l.pending).unwrap_or_default();
                self.update_progress();
                for action in pending {
                    self.update(action);
                }
                self.say(Msg::RestNotRead(&why));
            }
        }
        true
    }

    /// Puts the whole document in place of its beginning.
    pub fn loaded(&mut self, built: Built) {
        let moved = !self.unmoved_while_loading();
        let Some(loading) = self.loading.take() else { return };
        let at_end = loading.tail.is_some() && self.tail_at_end();
        let offset = match loading.tail {
            Some(_) => self.tail_place_in(&built.doc),
            None => self.reading_place(),
        };
        let Built { doc, progress, quotes } = built;
        let how = super::state::reload::Switch::Loaded { offset, moved, from_start: loading.from_start };
        self.switch_loaded(doc, progress, quotes, how);
        if at_end {
            let last = self.layout.last(&self.doc);
            self.set_top(last);
        }
        for action in loading.pending {
            self.update(action);
        }
    }
}
