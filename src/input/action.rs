//! Everything the reader can do, as values: keys map to these in one place (the keymap).

use serde::{Deserialize, Serialize};

/// Where keys are read: each action applies in some of these modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Reading: the text pane has focus.
    Text,
    /// The outline pane has focus.
    Outline,
    /// A list overlay (figures, bookmarks) is open.
    List,
    /// A passage is being selected in the text (`v`): the motion keys extend it.
    Select,
}

macro_rules! actions {
    ($( $(#[doc = $doc:literal])* $variant:ident => $name:literal, [$($mode:ident),*] ;)*) => {
        /// A reader action. The `snake_case` name is the key of `[keys]` in config.toml.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Action {
            /// Every action, in the order the help lists them.
            pub const ALL: &'static [Action] = &[$(Action::$variant),*];

            /// The name used in config.toml.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name,)* }
            }

            /// The modes in which the action's keys are read.
            pub fn modes(self) -> &'static [Mode] {
                match self { $(Action::$variant => &[$(Mode::$mode),*],)* }
            }

            /// One line for the help overlay.
            pub fn description(self) -> &'static str {
                match self { $(Action::$variant => concat!($($doc),*).trim_ascii(),)* }
            }

            /// The action named `name` in config.toml.
            pub fn from_name(name: &str) -> Option<Action> {
                Action::ALL.iter().copied().find(|a| a.name() == name)
            }
        }
    };
}

actions! {
    /// Scroll down one line
    LineDown => "line_down", [Text, Outline, List];
    /// Scroll up one line
    LineUp => "line_up", [Text, Outline, List];
    /// Scroll down one page
    PageDown => "page_down", [Text, Outline, List];
    /// Scroll up one page
    PageUp => "page_up", [Text, Outline, List];
    /// Scroll down half a page
    HalfPageDown => "half_page_down", [Text, Outline, List];
    /// Scroll up half a page
    HalfPageUp => "half_page_up", [Text, Outline, List];
    /// Go to the beginning
    Top => "top", [Text, Outline, List];
    /// Go to the end
    Bottom => "bottom", [Text, Outline, List];
    /// Jump to the next section
    NextSection => "next_section", [Text, Outline];
    /// Jump to the previous section
    PrevSection => "prev_section", [Text, Outline];
    /// Go to entry N, N% or heading
    GoTo => "go_to", [Text, Outline];
    /// Jump to section 1
    Section1 => "section_1", [Text, Outline];
    /// Jump to section 2
    Section2 => "section_2", [Text, Outline];
    /// Jump to section 3
    Section3 => "section_3", [Text, Outline];
    /// Jump to section 4
    Section4 => "section_4", [Text, Outline];
    /// Jump to section 5
    Section5 => "section_5", [Text, Outline];
    /// Jump to section 6
    Section6 => "section_6", [Text, Outline];
    /// Jump to section 7
    Section7 => "section_7", [Text, Outline];
    /// Jump to section 8
    Section8 => "section_8", [Text, Outline];
    /// Jump to section 9
    Section9 => "section_9", [Text, Outline];
    /// Move focus: outline / text
    FocusNext => "focus_next", [Text, Outline];
    /// Open the selected entry
    Select => "select", [Outline, List];
    /// Collapse the outline entry
    Collapse => "collapse", [Outline];
    /// Expand the outline entry
    Expand => "expand", [Outline];
    /// Hide or show the outline
    ToggleOutline => "toggle_outline", [Text, Outline];
    /// Figure highlighting on / off
    ToggleFigures => "toggle_figures", [Text, Outline];
    /// Select the next figure
    NextFigure => "next_figure", [Text, Select];
    /// Select the previous figure
    PrevFigure => "prev_figure", [Text, Select];
    /// List all figures
    FiguresList => "figures_list", [Text, Outline];
    /// Select the next quote
    NextQuote => "next_quote", [Text];
    /// Select the previous quote
    PrevQuote => "prev_quote", [Text];
    /// Bookmark the selected quote
    Bookmark => "bookmark", [Text, Select];
    /// Bookmark with a note
    BookmarkWithNote => "bookmark_with_note", [Text, Select];
    /// List this article's bookmarks
    BookmarksList => "bookmarks_list", [Text, Outline];
    /// Delete the selected entry
    Delete => "delete", [List];
    /// Undo the last delete
    Undo => "undo", [List];
    /// Search the text
    Search => "search", [Text, Outline];
    /// Next search match
    NextMatch => "next_match", [Text];
    /// Previous search match
    PrevMatch => "prev_match", [Text];
    /// Go back in the jump history
    JumpBack => "jump_back", [Text, Outline];
    /// Forward in the jump history
    JumpForward => "jump_forward", [Text, Outline];
    /// Reload the file from disk
    Reload => "reload", [Text, Outline];
    /// The bookshelf: texts read
    Shelf => "shelf", [Text, Outline, List];
    /// Show or hide this help
    Help => "help", [Text, Outline, List, Select];
    /// Close the overlay or list
    Close => "close", [List];
    /// Clear highlights, selection
    Clear => "clear", [Text, Outline, Select];
    /// Quit
    Quit => "quit", [Text, Outline];
    /// Select a passage; again: off
    SelectStart => "select_start", [Text, Select];
    /// Selection: one character back
    SelectLeft => "select_left", [Select];
    /// Selection: one character on
    SelectRight => "select_right", [Select];
    /// Selection: one row down
    SelectDown => "select_down", [Select];
    /// Selection: one row up
    SelectUp => "select_up", [Select];
    /// Selection: next sentence end
    SelectNextSentence => "select_next_sentence", [Select];
    /// Selection: prev sentence end
    SelectPrevSentence => "select_prev_sentence", [Select];
    /// Copy the selection or quote
    Copy => "copy", [Text, Select];
    /// Copy with speaker and title
    CopyWithSource => "copy_with_source", [Text, Select];
    /// Widen the text column
    Wider => "wider", [Text];
    /// Narrow the text column
    Narrower => "narrower", [Text];
    /// Text column to full width
    ResetWidth => "reset_width", [Text];
    /// Quiet mode: only the text
    Quiet => "quiet", [Text, Outline];
    /// Auto-scroll on / off
    AutoScroll => "auto_scroll", [Text];
    /// Auto-scroll slower
    ScrollSlower => "scroll_slower", [Text];
    /// Auto-scroll faster
    ScrollFaster => "scroll_faster", [Text];
    /// Boss key: hide the book
    Boss => "boss", [Text, Outline, List, Select];
    /// Settings panel
    Settings => "settings", [Text];
    /// Settings: the value before
    SettingLess => "setting_less", [List];
    /// Settings: the value after
    SettingMore => "setting_more", [List];
    /// Settings: save to config.toml
    SaveSettings => "save_settings", [List];
}

impl Action {
    /// The section jump for digit `n` (1-9).
    pub fn section(n: usize) -> Option<Action> {
        use Action::*;
        [Section1, Section2, Section3, Section4, Section5, Section6, Section7, Section8, Section9]
            .get(n.checked_sub(1)?)
            .copied()
    }

    /// The section number (1-9) of a section jump.
    pub fn section_number(self) -> Option<usize> {
        (1..=9).find(|&n| Action::section(n) == Some(self))
    }
}
