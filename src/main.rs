//! The `yuedu` binary: arguments → config and document → reader or command → exit code.

#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used)]

use std::process::ExitCode;

use clap::Parser;
use yuedu::app::App;
use yuedu::cli::{self, Cli, Failure};
use yuedu::config::Config;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap repeats a bad argument in its message: it may hold an escape sequence.
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
    // Everything is loaded and checked before the screen switches to full-screen mode.
    let config = Config::load(cli.config.as_deref())?;
    // `--last`: the text read most recently, at its place, in the encoding it was opened with.
    let (file, encoding) = match cli.last {
        true => {
            let (file, stored) = cli::last_text()?;
            (file, cli.encoding.clone().or(stored))
        }
        false => (cli.file.clone(), cli.encoding.clone()),
    };
    let doc = cli::open_document(file.as_deref(), encoding.as_deref())?;
    if !yuedu::terminal::is_interactive() {
        return Err(Failure(
            "not a terminal: the reader needs an interactive terminal; for scripts use \
             `yuedu outline`, `yuedu dump --width N`, `yuedu figures`, `yuedu quotes`, \
             `yuedu bookmarks` or `yuedu config` (see `yuedu --help`)"
                .into(),
        ));
    }
    let mut app = App::new(doc, config, 80, 24);
    app.source = file.map(|path| yuedu::app::reload::Source::new(path, encoding));
    if cli.bookmarks_file.is_some() || app.quotes.store.is_none() {
        // `--bookmarks-file`, else the default location when the config names no file.
        match yuedu::store::bookmarks::resolve_path(cli.bookmarks_file.as_deref(), "") {
            Some(path) => app.use_bookmarks_file(&path),
            None => app.message = Some(yuedu::store::bookmarks::StoreError::NoLocation.to_string()),
        }
    }
    if let Some(path) = yuedu::store::positions::default_path() {
        app.use_positions(yuedu::store::positions::PositionStore::new(path), cli.from_start);
    }
    yuedu::terminal::run(app).map_err(|e| Failure(format!("terminal error: {e}")))
}
