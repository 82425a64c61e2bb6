//! The `yuedu` binary: arguments → config and document → reader or command → exit code.

#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used)]

use std::process::ExitCode;

use clap::Parser;
use std::io::IsTerminal;

use yuedu::app::App;
use yuedu::app::loading::{self, Opened, Request};
use yuedu::cli::{self, Cli, Failure};
use yuedu::config::Config;
use yuedu::document::Document;
use yuedu::i18n::{self, Msg};

fn main() -> ExitCode {
    // The environment's language until the config (which may choose another) is read.
    i18n::set_lang(i18n::Lang::from_env());
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // A bad command line: one line, in the interface language, exit 2.
            if let Some(msg) = cli::argument_error(&e) {
                // It repeats the bad argument: that may hold an escape sequence.
                eprintln!("yuedu: {}", yuedu::sanitize::clean(&msg));
                return ExitCode::from(2);
            }
            // Help and version.
            let text = e.render().to_string();
            let text = yuedu::sanitize::clean_lines(&text);
            if e.use_stderr() {
                eprint!("{text}");
            } else {
                print!("{text}");
            }
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(msg)) => {
            // A message names files: a file name may hold an escape sequence.
            eprintln!("yuedu: {}", yuedu::sanitize::clean(&msg));
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> Result<(), Failure> {
    if let Some(command) = &cli.command {
        return cli::run_command(cli, command);
    }
    // Everything is loaded and checked before the screen switches to full-screen mode. A
    // config file is read first: it may choose the language of every message, the text's
    // included. With none the language is the environment's, and the text starts being read
    // while the defaults are parsed (a millisecond or two of the first frame).
    let user_config = Config::locate(cli.config.as_deref()).is_some();
    let early_config = if user_config { Some(Config::load_and_apply(cli.config.as_deref())?) } else { None };
    // `--last`: the text read most recently, at its place, in the encoding it was opened with.
    let (file, encoding) = match cli.last {
        true => {
            let (file, stored) = cli::last_text()?;
            (file, cli.encoding.clone().or(stored))
        }
        false => (cli.file.clone(), cli.encoding.clone()),
    };
    // Standard input: `-`, or a pipe with no file named. Its keys come from the terminal
    // (`/dev/tty`), so there must be one before anything is read.
    let piped = !std::io::stdin().is_terminal() && file.is_none() && !cli.last;
    let from_stdin = piped || file.as_deref().is_some_and(cli::is_stdin);
    if from_stdin && !yuedu::terminal::is_interactive() {
        return Err(Failure(i18n::text(Msg::NotATerminal)));
    }
    // The loader, and for standard input the name its errors go under.
    let started = match file.as_deref() {
        _ if from_stdin => {
            let request = Request::stdin(cli.max_size << 20, encoding.clone());
            let name = request.origin.name.clone();
            Some((loading::start(request), Some(name)))
        }
        Some(path) => Some((loading::start(Request::file(path, encoding.clone())), None)),
        None => None,
    };
    // The terminal is asked for its background (for the theme `auto`) before the reader
    // takes it, so the answer is not read as keys, and while the text is read, so it answers
    // meanwhile. With no config file the question goes out before the defaults are parsed
    // (their theme is `auto`): the terminal's answer takes as long as they do.
    let auto = |config: &Config| config.interface.theme == yuedu::config::ThemeChoice::Auto;
    let asked = match &early_config {
        Some(config) => auto(config).then(yuedu::terminal::background::ask),
        None => Some(yuedu::terminal::background::ask()),
    };
    let mut config = match early_config {
        Some(config) => config,
        None => Config::load_and_apply(cli.config.as_deref())?,
    };
    let opened = match started {
        Some((started, stdin_name)) => started.opened().map_err(|why| match stdin_name {
            Some(name) => Failure(format!("{name}: {why}")),
            None => Failure(why),
        })?,
        None => Opened::Whole(loading::Built::bare(Document::bundled())),
    };
    if !yuedu::terminal::is_interactive() {
        return Err(Failure(i18n::text(Msg::NotATerminal)));
    }
    // Keys typed while the question was out (or before) came with the answer: they are the
    // reader's first keys.
    let mut typed = Vec::new();
    if let Some(asked) = asked {
        let background;
        (background, typed) = asked.answer();
        if auto(&config) {
            config.use_background(background);
        }
    }
    let (mut built, mut loader) = match opened {
        Opened::Whole(built) => (built, None),
        Opened::Head(head, loader) => (head, Some(loader)),
    };
    let places = yuedu::store::positions::default_path().map(yuedu::store::positions::PositionStore::new);
    // The saved place of the beginning, looked up once: the reader takes it as found unless
    // another document (read on to a deep place) takes the beginning's place.
    let mut found = None;
    if let (Some(store), Some(reader)) = (&places, loader.as_mut())
        && !cli.from_start
    {
        let result = store.find(&built.doc);
        let deep = match &result {
            Ok(Some((_, place))) => usize::try_from(place.offset).unwrap_or(usize::MAX),
            _ => 0,
        };
        // A saved place past the beginning: the text is read on to there before the first frame.
        if deep > built.doc.text.len() / 2 {
            match reader.head_past(deep) {
                Some(head) => built = head,
                None => {
                    match reader.poll() {
                        Some(loading::News::Done(Ok(whole))) => built = whole,
                        Some(loading::News::Done(Err(why))) => return Err(Failure(why)),
                        _ => {}
                    }
                    loader = None;
                }
            }
        } else {
            found = Some(result);
        }
    }
    // Quotes found on the loader's thread come once they are there (the first frame does
    // not wait for them); a document given without them has them found at once.
    let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
    let quotes_now = built.quotes.is_none();
    let mut app = match loader {
        Some(_) => App::beginning(built.doc, config, width, height),
        None => App::counted(built.doc, built.progress, config, width, height, quotes_now),
    };
    app.quotes.coming = built.quotes;
    app.source = file.filter(|_| !from_stdin).map(|path| yuedu::app::reload::Source::new(path, encoding));
    if cli.bookmarks_file.is_some() || app.quotes.store.is_none() {
        // `--bookmarks-file`, else the default location when the config names no file.
        match yuedu::store::bookmarks::resolve_path(cli.bookmarks_file.as_deref(), "") {
            Some(path) => app.use_bookmarks_file(&path),
            None => app.say(Msg::NoBookmarksPlace),
        }
    }
    if let Some(store) = places {
        match found {
            Some(found) => app.use_positions_found(store, found, cli.from_start),
            None => app.use_positions(store, cli.from_start),
        }
    }
    if let Some(loader) = &loader {
        app.begin_loading(loader.total(), cli.from_start);
    }
    // The settings panel saves into the file in use, else where a user file would be read.
    if app.comfort.settings_path.is_none() {
        app.comfort.settings_path = yuedu::config::user_config_path();
    }
    // Quiet mode and the auto-scroll speed, remembered beside the reading places.
    if let Some(path) = yuedu::store::reader_state::default_path() {
        app.use_reader_state(yuedu::store::reader_state::ReaderStateStore::new(path));
    }
    yuedu::terminal::run(app, loader, typed)
        .map_err(|e| Failure(i18n::text(Msg::TerminalError(&e.to_string()))))
}
