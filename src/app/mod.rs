//! Reader state and `update`: actions in, state out; no drawing and no terminal here.

pub mod comfort;
pub mod copy;
pub mod effect;
pub mod figures;
pub mod geometry;
mod help;
pub mod history;
pub mod loading;
pub mod mouse;
pub mod outline;
pub mod passage;
pub mod progress;
pub mod prompt;
pub mod quotes;
pub mod reload;
pub mod resume;
pub mod runtime;
pub mod script;
pub mod search;
pub mod sections;
pub mod selection;
pub mod settings;
pub mod shelf;
pub mod state;
pub mod tail;
pub mod vertical;
pub mod view;

use std::sync::Arc;

use ratatui::layout::Rect;

pub use crate::i18n::Message;
pub use crate::input::{Action, Mode};
pub use effect::Effect;
pub use geometry::Panes;
pub use prompt::{Prompt, PromptEvent, PromptKind};
pub use state::selection::Selection;

use crate::i18n::Msg;

use crate::config::{AmbiguousWidth, Config, Direction};
use crate::document::Document;
use crate::layout::{Layout, Pos, Settings, WrapOptions};

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The text pane.
    Text,
    /// The outline pane.
    Outline,
}

/// A window drawn over the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The list of keys.
    Help,
    /// The figures list.
    Figures,
    /// This article's bookmarks.
    Bookmarks,
    /// The bookshelf: the texts read.
    Shelf,
    /// The settings panel.
    Settings,
}

/// The whole reader state.
#[derive(Debug)]
pub struct App {
    /// The article: immutable once built and shared, so an index of it can be built on
    /// another thread.
    pub doc: Arc<Document>,
    /// The configuration in force.
    pub config: Config,
    /// Wrapped blocks for the current text width.
    pub layout: Layout,
    /// The first row shown in the text pane.
    pub top: Pos,
    /// The screen size.
    pub screen: Rect,
    /// Where the panes are.
    pub panes: Panes,
    /// Who has the keyboard.
    pub focus: Focus,
    /// Whether the user wants the outline (it may still hide on a narrow screen).
    pub outline_wanted: bool,
    /// On a screen too narrow for the outline beside the text, the outline is shown over
    /// the whole text pane (`o`) until an entry is chosen or it is put away.
    pub outline_over: bool,
    /// The outline's width that shows its longest entry whole (marker, indent, a blank, border).
    pub outline_natural: u16,
    /// The outline entry under the cursor (index into `doc.headings`).
    pub outline_cursor: usize,
    /// The open overlay, if any.
    pub overlay: Option<Overlay>,
    /// Figure highlighting, the figure index and the figures list.
    pub figures: state::figures::FigureState,
    /// The quotations and the bookmarks.
    pub quotes: state::quotes::QuoteState,
    /// The one selected thing (a figure or a quote), if any.
    pub selection: Selection,
    /// The open text prompt, if any: it takes every key until Enter or Esc.
    pub prompt: Option<Prompt>,
    /// A one-line message for the status line, until the next action.
    pub message: Option<Message>,
    /// The search query, its matches and the current one.
    pub search: state::search::Search,
    /// Places left by jumps, for jump back / forward.
    pub history: state::history::History,
    /// Where reading places are saved.
    pub resume: state::resume::Resume,
    /// The reading time left.
    pub progress: state::progress::Progress,
    /// Set when the reader should exit.
    pub should_quit: bool,
    /// Percentage read, recomputed whenever the view moves (drawing reads it).
    pub percent: u8,
    /// The first entry shown by a help overlay too long for the screen.
    pub help_scroll: usize,
    /// The character that was first in view before a run of resizes: resizes re-anchor on
    /// it (not on whatever row start the last resize produced), so 80 → 21 → 80 columns
    /// gives back the same view. Any other move of the view forgets it.
    resize_anchor: Option<usize>,
    /// Collapsed outline entries.
    pub fold: state::outline::Fold,
    /// The file the document was read from (none for the bundled article), for reload.
    pub source: Option<state::reload::Source>,
    /// The bookshelf overlay's list.
    pub shelf: state::shelf::Shelf,
    /// The rest of the text being read while its beginning is shown ([`loading`]).
    pub loading: Option<state::loading::Loading>,
    /// What the next frame shows, worked out before drawing (see [`view`]).
    pub view: state::view::View,
    /// When the view is worked out next.
    refresh: state::view::Refresh,
    /// The text column's width, quiet mode, auto-scroll, the boss key, the settings panel.
    pub comfort: state::comfort::Comfort,
    /// Figures found in the blocks shown so far.
    figure_cache: state::view::FigureCache,
    /// What the action being applied asks of the world, for the runtime to perform.
    effects: Vec<Effect>,
    /// The script the text is shown in (`t` cycles it).
    pub script: crate::text::script::Script,
    /// Whether the text pane sets the text vertically (`V` toggles it).
    pub vertical: bool,
    /// What selecting a passage and copying keep between actions.
    passage: state::passage::PassageState,
}

// The document and its layout can be handed to another thread (to build an index there):
// this fails to compile if either stops being `Send + Sync`.
const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<Document>();
    shareable::<Layout>();
};

/// Wrap settings for a text column `width` wide under `config`.
pub fn settings_for(config: &Config, width: usize) -> Settings {
    Settings {
        width: width.max(1),
        indent: config.text.first_line_indent.clone(),
        spacing: usize::from(config.text.paragraph_spacing),
        wrap: WrapOptions {
            normalize_punctuation: config.text.normalize_punctuation,
            ambiguous_wide: config.text.ambiguous_width == AmbiguousWidth::Wide,
            strict: config.text.strict,
        },
        script: config.script.at_start(),
        vertical: false,
    }
}

impl App {
    /// A reader on `doc` for a screen of `width` × `height`.
    pub fn new(doc: impl Into<Arc<Document>>, config: Config, width: u16, height: u16) -> Self {
        Self::counted(doc, state::progress::Progress::default(), config, width, height, true)
    }

    /// [`App::new`] with the characters before each block counted already (on the loader's
    /// thread); a short text's quotes are found at once when `quotes_now` ([`state::quotes::QuoteState::new`]).
    pub fn counted(
        doc: impl Into<Arc<Document>>,
        progress: state::progress::Progress,
        config: Config,
        width: u16,
        height: u16,
        quotes_now: bool,
    ) -> Self {
        Self::built(doc.into(), progress, config, width, height, quotes_now, None)
    }

    fn built(
        doc: Arc<Document>,
        progress: state::progress::Progress,
        config: Config,
        width: u16,
        height: u16,
        quotes_now: bool,
        loading: Option<state::loading::Loading>,
    ) -> Self {
        let outline_wanted = config.layout.outline_shown;
        let figures_shown = config.highlight.figures.shown_for(&doc);
        let layout = Layout::new(settings_for(&config, 1));
        // Only a file named in the config is opened here; the default location (in the
        // user's data directory) is the binary's choice (`main.rs`), so that a reader built
        // in a test never reads or shows someone's real bookmarks.
        let configured = crate::store::bookmarks::configured_path(&config.bookmarks.file);
        let (mut quotes, quotes_message) =
            state::quotes::QuoteState::new(&doc, configured.as_deref(), quotes_now);
        quotes.speech_only = config.quotes.step == crate::config::QuoteStep::Speech;
        let quotes_message = quotes_message.filter(|_| configured.is_some());
        let (script, vertical) = (config.script.at_start(), config.layout.direction == Direction::Vertical);
        let mut app = App {
            doc,
            figures: state::figures::FigureState::new(figures_shown),
            quotes,
            selection: Selection::None,
            config,
            layout,
            top: Pos::default(),
            screen: Rect::default(),
            panes: Panes::default(),
            focus: Focus::Text,
            outline_wanted,
            outline_over: false,
            outline_natural: 0,
            outline_cursor: 0,
            overlay: None,
            prompt: None,
            message: None,
            search: state::search::Search::default(),
            history: state::history::History::default(),
            resume: state::resume::Resume::default(),
            progress,
            should_quit: false,
            percent: 0,
            help_scroll: 0,
            resize_anchor: None,
            fold: state::outline::Fold::default(),
            source: None,
            shelf: state::shelf::Shelf::default(),
            loading,
            view: state::view::View::default(),
            refresh: state::view::Refresh::default(),
            figure_cache: state::view::FigureCache::default(),
            effects: Vec::new(),
            script,
            vertical,
            comfort: state::comfort::Comfort::default(),
            passage: state::passage::PassageState::default(),
        };
        app.init_comfort();
        app.message = quotes_message
            .map(Message::error)
            .or_else(|| app.doc.warnings.first().cloned().map(Message::warning));
        app.outline_natural = app.outline_natural_width();
        app.resize(width, height);
        app
    }

    /// `s` as the text pane would show it (normalised punctuation), for outline entries,
    /// the status line and lists.
    pub fn shown(&self, s: &str) -> String {
        let s = crate::text::script::convert_text(s, self.script);
        crate::layout::linebreak::display_text(&s, &self.layout.settings().wrap)
    }

    /// The title of heading `h` (index into `doc.headings`) as shown.
    pub fn heading_label(&self, h: usize) -> String {
        self.shown(&self.doc.heading_text(&self.doc.headings[h]))
    }

    /// Shows `msg` on the status line until the next action.
    pub fn say(&mut self, msg: Msg<'_>) {
        self.message = Some(crate::i18n::message(msg));
    }

    /// Shows an error (a store's or the loader's, which carry their own words).
    pub fn fail(&mut self, error: impl ToString) {
        self.message = Some(Message::error(error.to_string()));
    }

    /// The mode keys are read in.
    pub fn mode(&self) -> Mode {
        match (&self.overlay, self.focus) {
            (Some(_), _) => Mode::List,
            (None, Focus::Outline) => Mode::Outline,
            (None, Focus::Text) if matches!(self.selection, Selection::Range { .. }) => Mode::Select,
            (None, Focus::Text) => Mode::Text,
        }
    }

    /// Whether `key` quits wherever the keyboard is: a Ctrl key of quit (Ctrl-c) quits from
    /// a list, the help or a prompt as well, unless the place has an action of its own on it.
    pub fn quits_anywhere(&self, key: crate::input::Key) -> bool {
        if !key.mods.contains(crossterm::event::KeyModifiers::CONTROL)
            || !self.config.keymap.binds(Action::Quit, key)
        {
            return false;
        }
        self.prompt.is_some() || self.config.keymap.action(self.mode(), key).is_none_or(|a| a == Action::Quit)
    }

    /// Whether the outline pane is on screen.
    pub fn outline_visible(&self) -> bool {
        self.panes.outline.is_some()
    }

    /// Applies a new screen size: re-wraps for the new text width, keeping the first
    /// visible character in view.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen = Rect::new(0, 0, width, height);
        self.rewrap();
    }

    /// The character to keep in view across a re-wrap.
    fn view_anchor(&mut self) -> usize {
        match self.resize_anchor {
            Some(a) => a,
            None => self.anchor(),
        }
    }

    /// Recomputes the panes and the wrap settings (after a resize or an outline toggle).
    fn relayout(&mut self) {
        self.panes = self.panes_in(self.screen);
        if self.outline_over {
            if self.panes.too_small || !self.outline_hidden_by_width() {
                self.outline_over = false;
            } else {
                self.panes.outline = Some(Rect { height: self.panes.text.height, ..self.screen });
            }
        }
        if !self.outline_visible() && self.focus == Focus::Outline {
            self.focus = Focus::Text;
        }
        let settings = self.pane_settings();
        self.layout.set_settings(settings);
    }

    /// Byte offset of the first character in view.
    pub fn anchor(&mut self) -> usize {
        if self.doc.blocks.is_empty() {
            return 0;
        }
        self.layout.offset_of(&self.doc, self.top)
    }

    /// Puts the row showing byte `offset` at the top (as near as the end allows).
    pub fn scroll_to_offset(&mut self, offset: usize) {
        if let Some(pos) = self.layout.pos_showing(&self.doc, offset) {
            self.set_top(pos);
        }
    }

    /// Sets the top row, clamped so the pane stays full at the end.
    pub fn set_top(&mut self, pos: Pos) {
        if self.doc.blocks.is_empty() {
            return;
        }
        let max = self.layout.max_top(&self.doc, self.text_height().max(1));
        self.top = pos.min(max);
        self.resize_anchor = None;
        self.follow_outline();
        self.percent = self.compute_percent();
        self.update_progress();
        self.view_changed();
    }

    /// Keeps the outline cursor on the current section while the text pane has focus.
    fn follow_outline(&mut self) {
        if self.focus == Focus::Text
            && let Some(h) = self.current_heading()
        {
            self.outline_cursor = self.fold.shown(&self.doc.headings, h);
        }
    }

    /// The heading (index into `doc.headings`) of the section at the top of the view.
    pub fn current_heading(&self) -> Option<usize> {
        self.doc.heading_at(self.top.block)
    }

    /// Percentage read: how much of the text lies above the bottom of the view.
    fn compute_percent(&mut self) -> u8 {
        let len = self.doc.text.len();
        if len == 0 || self.doc.blocks.is_empty() {
            return 100;
        }
        let height = self.text_height().max(1);
        let bottom = self.layout.forward(&self.doc, self.top, height - 1);
        if bottom >= self.layout.last(&self.doc) {
            return 100;
        }
        let lines = self.layout.lines(&self.doc, bottom.block);
        let end = lines.get(bottom.row).map_or(self.doc.blocks[bottom.block].end, |l| l.end);
        self.tail_percent(end).unwrap_or(((end as u128 * 100) / len as u128).min(100) as u8)
    }

    /// Percentage read, as of the last move (for drawing).
    pub fn percent_cached(&self) -> u8 {
        self.percent
    }

    /// Scrolls by `n` rows (negative: up).
    pub fn scroll(&mut self, n: isize) {
        if self.doc.blocks.is_empty() {
            return;
        }
        let pos = if n >= 0 {
            self.layout.forward(&self.doc, self.top, n.unsigned_abs())
        } else {
            self.layout.backward(&self.doc, self.top, n.unsigned_abs())
        };
        self.set_top(pos);
        if n < 0 {
            self.tail_scrolled_up();
        }
    }

    /// Jumps to heading `h` (index into `doc.headings`): its first row at the top.
    pub fn jump_to_heading(&mut self, h: usize) {
        if let Some(heading) = self.doc.headings.get(h) {
            let block = heading.block;
            self.record_jump();
            self.set_top(Pos { block, row: 0 });
            self.outline_cursor = self.fold.shown(&self.doc.headings, h);
        }
    }

    /// Opens a text prompt.
    pub fn open_prompt(&mut self, kind: PromptKind, label: &str) {
        self.prompt = Some(Prompt::new(kind, label));
    }

    /// Whether a text prompt has the keyboard.
    pub fn prompt_active(&self) -> bool {
        self.prompt.is_some()
    }

    /// Sends a key to the open prompt (keys bypass the keymap while it is open).
    pub fn prompt_key(&mut self, key: &crossterm::event::KeyEvent) {
        self.entry(|app| {
            let Some(prompt) = app.prompt.as_mut() else { return };
            let kind = prompt.kind;
            let event = prompt.key(key);
            if matches!(event, PromptEvent::Accepted(_) | PromptEvent::Cancelled) {
                app.prompt = None;
            }
            app.on_prompt(kind, event);
            let effects = std::mem::take(&mut app.effects);
            app.perform(effects);
        });
    }

    /// Inserts pasted text into the open prompt.
    pub fn prompt_paste(&mut self, text: &str) {
        self.entry(|app| {
            if let Some(prompt) = app.prompt.as_mut() {
                let kind = prompt.kind;
                prompt.insert(text);
                app.on_prompt(kind, PromptEvent::Edited);
                let effects = std::mem::take(&mut app.effects);
                app.perform(effects);
            }
        });
    }

    /// What a prompt's edit, acceptance or cancellation does.
    fn on_prompt(&mut self, kind: PromptKind, event: PromptEvent) {
        match (kind, event) {
            (_, PromptEvent::Ignored) => {}
            (PromptKind::Search, event) => self.on_search_prompt(event),
            (PromptKind::Note, event) => self.note_prompt(event),
            (PromptKind::GoTo, PromptEvent::Accepted(what)) => self.go_to(&what),
            (PromptKind::GoTo, _) => {}
        }
    }

    /// Closes the open overlay (a key that means nothing there).
    pub fn close_overlay(&mut self) {
        self.overlay = None;
        self.help_scroll = 0;
    }

    /// Applies one action: its change of state ([`App::step`]), then its effects
    /// ([`App::perform`]), with the view worked out once, after both.
    pub fn update(&mut self, action: Action) {
        self.entry(|app| {
            let effects = app.step(action);
            app.perform(effects);
        });
    }

    /// Changes the state for one action and returns what it asks of the world (saving a
    /// bookmark, opening a text …), in order; reads and writes no file.
    pub fn step(&mut self, action: Action) -> Vec<Effect> {
        self.entry(|app| {
            if app.waits_for_text(action) {
                return std::mem::take(&mut app.effects);
            }
            app.apply(action);
            std::mem::take(&mut app.effects)
        })
    }

    /// What one action changes.
    fn apply(&mut self, action: Action) {
        self.message = None;
        self.stop_scroll_for(action);
        if action == Action::Boss {
            // Over whatever is open, the list or help kept for the way back.
            return self.update_comfort(action);
        }
        if self.source.is_some() {
            self.effects.push(Effect::CheckSource);
        }
        if self.overlay == Some(Overlay::Help) {
            return self.update_help(action);
        }
        if self.overlay == Some(Overlay::Figures) {
            self.update_figures_list(action);
            return;
        }
        if self.overlay == Some(Overlay::Bookmarks) {
            self.update_bookmark_list(action);
            return;
        }
        if self.overlay == Some(Overlay::Shelf) {
            self.update_shelf(action);
            return;
        }
        if self.overlay == Some(Overlay::Settings) {
            self.update_settings(action);
            return;
        }
        if self.focus == Focus::Outline && self.update_outline(action) {
            return;
        }
        if self.mode() == Mode::Select && self.update_passage(action) {
            return;
        }
        let page = self.text_height().saturating_sub(1).max(1) as isize;
        match action {
            Action::LineDown => self.scroll(1),
            Action::LineUp => self.scroll(-1),
            Action::PageDown => self.page_down(page),
            Action::PageUp => self.scroll(-page),
            Action::HalfPageDown => self.scroll((page + 1) / 2),
            Action::HalfPageUp => self.scroll(-(page + 1) / 2),
            Action::Top => {
                self.record_jump();
                self.set_top(Pos::default());
            }
            Action::Bottom => {
                self.record_jump();
                let last = self.layout.last(&self.doc);
                self.set_top(last);
            }
            Action::Search => self.start_search(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::JumpBack => self.step_history(false),
            Action::JumpForward => self.step_history(true),
            Action::NextSection => self.step_section(true),
            Action::PrevSection => self.step_section(false),
            Action::FocusNext => {
                if self.outline_over {
                    // The text is under the outline: leaving the outline puts it away.
                    self.clear();
                } else if self.outline_visible() {
                    self.focus = match self.focus {
                        Focus::Text => Focus::Outline,
                        Focus::Outline => Focus::Text,
                    };
                } else {
                    self.say(Msg::OutlineHidden);
                }
            }
            Action::ToggleOutline => self.toggle_outline(),
            Action::Clear => self.clear(),
            Action::ToggleFigures => self.toggle_figures(),
            Action::CycleScript => self.cycle_script(),
            Action::ToggleVertical => self.toggle_vertical(),
            Action::NextFigure => self.step_figure(true),
            Action::PrevFigure => self.step_figure(false),
            Action::FiguresList => self.open_figures_list(),
            Action::NextQuote
            | Action::PrevQuote
            | Action::Bookmark
            | Action::BookmarkWithNote
            | Action::BookmarksList => {
                self.update_quotes(action);
            }
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::Quit => self.should_quit = true,
            Action::Reload => self.effects.push(Effect::Reload),
            Action::Shelf => self.ask_shelf(),
            Action::GoTo => self.open_prompt(PromptKind::GoTo, ":"),
            Action::SelectStart => self.start_passage(),
            Action::Copy => self.copy(false),
            Action::CopyWithSource => self.copy(true),
            a if Self::is_comfort(a) => self.update_comfort(a),
            a => {
                if let Some(n) = a.section_number() {
                    match self.doc.top_sections().get(n - 1) {
                        Some(&h) => self.jump_to_heading(h),
                        None => self.say(Msg::NoSection(n)),
                    }
                }
            }
        }
    }
}
