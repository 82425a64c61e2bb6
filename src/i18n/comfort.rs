//! The messages of reading comfort (the text column's width, quiet mode, auto-scroll, the
//! boss key and the settings panel), a leaf below `msg`: [`super::Msg::Comfort`] holds
//! one (`msg` gives its kind), and each catalog says them in its own `comfort` function.

/// A row of the settings panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// `layout.max_text_width`.
    TextWidth,
    /// `text.paragraph_spacing`.
    ParagraphSpacing,
    /// `text.first_line_indent`.
    Indent,
    /// `text.normalize_punctuation`.
    Punctuation,
    /// `highlight.figures`.
    Figures,
    /// `interface.theme`.
    Theme,
    /// `interface.language`.
    Language,
    /// `text.auto_scroll_speed` (also remembered at once with the reading state).
    ScrollSpeed,
}

impl Setting {
    /// Every row, in the panel's order.
    pub const ALL: [Setting; 8] = [
        Setting::TextWidth,
        Setting::ParagraphSpacing,
        Setting::Indent,
        Setting::Punctuation,
        Setting::Figures,
        Setting::Theme,
        Setting::Language,
        Setting::ScrollSpeed,
    ];
}

/// A value shown in the settings panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// A number of columns.
    Columns(u16),
    /// A number of blank lines.
    BlankLines(u8),
    /// No indent.
    NoIndent,
    /// An indent of this many columns.
    IndentColumns(usize),
    /// A switch.
    On(bool),
    /// `interface.theme`: `"auto"`, `"dark"` or `"light"`.
    Theme(&'static str),
    /// `interface.language`: `"auto"`, `"en"` or `"zh"`.
    Language(&'static str),
    /// An auto-scroll speed: its step (1-10) and rows a minute.
    Speed {
        /// The step.
        level: u8,
        /// Rows a minute.
        rows: u16,
    },
}

/// Something reading comfort tells the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comfort<'a> {
    /// `+` / `-` / `=` changed the text column.
    Width(u16),
    /// `+` at the widest column the pane and `max_text_width` allow.
    Widest(u16),
    /// `-` at the narrowest column.
    Narrowest(u16),
    /// Auto-scroll started, at a speed.
    ScrollOn {
        /// The speed's step (1-10).
        level: u8,
        /// Rows a minute.
        rows: u16,
        /// The keys that change the speed and stop it (`< / >`, `A`).
        keys: &'a str,
    },
    /// `<` / `>` changed the speed.
    ScrollSpeed {
        /// The speed's step (1-10).
        level: u8,
        /// Rows a minute.
        rows: u16,
    },
    /// Auto-scroll stopped by a key.
    ScrollOff,
    /// Auto-scroll reached the end of the text.
    ScrollEnd,
    /// `boss.command` could not be run.
    BossFailed(&'a str),
    /// The boss key's screen: a shell prompt and a build log, one string of lines.
    BossScreen,
    /// The help's row of `+ - =`.
    HelpWidth,
    /// The help's row of `A < >`.
    HelpScroll,
    /// The settings panel's title with its keys.
    SettingsTitle {
        /// The keys that change a value.
        change: &'a str,
        /// The key that saves.
        save: &'a str,
        /// The key that closes.
        close: &'a str,
    },
    /// A setting's name.
    Name(Setting),
    /// A setting's value.
    Value(Value),
    /// Under the panel: where `s` saves.
    SavesTo(&'a str),
    /// Under the panel: there is no place to save to.
    NowhereToSave,
    /// The settings were saved to this file.
    Saved(&'a str),
    /// The settings could not be saved (the reason names the file).
    NotSaved(&'a str),
}
