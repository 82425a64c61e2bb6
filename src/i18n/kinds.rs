//! Which kind of status-line message each message is ([`Kind`]): information, warning or
//! error. Beside the messages (`msg`), which it imports; nothing imports it back.

use super::comfort::Comfort;
use super::msg::{Kind, Msg};

impl Msg<'_> {
    /// How this message is meant on the status line (labels and titles, never shown as a
    /// message of their own, count as information).
    pub fn kind(&self) -> Kind {
        use Msg::*;
        match self {
            NoFigures
            | NoMoreFiguresBelow
            | NoFiguresAbove
            | NoQuotations
            | NoMoreQuotationsBelow
            | NoMoreQuotationsAbove
            | AlreadyBookmarked
            | DetachedChosen
            | NothingToUndo
            | AtNewestJump
            | AtOldestJump
            | AlreadyInLastSection
            | AlreadyInFirstSection
            | NoEntry(_)
            | NoHeadingHolds(_)
            | OutlineHidden
            | NoSection(_)
            | NotFound(_)
            | NoSearchYet(_)
            | AtTextEnd
            | AtTextStart
            | CopyTooLong { .. }
            | ChangedOnDisk(_)
            | GoneFromDisk(_)
            | BundledNoReload
            | Reloaded(Some(_))
            | ShelfNotKept
            | ShelfEntryMissing(_) => Kind::Warning,
            NotSaved(_)
            | BookmarksFileBroken(_)
            | CannotReload(_)
            | NoBookmarksPlace
            | NoPlacesPlace
            | NoTextOnShelf(_)
            | NotATerminal
            | RestNotRead(_)
            | TerminalError(_)
            | CannotTakeTerminal(_)
            | CannotWriteOutput(_)
            | BadArgument { .. }
            | TerminalTooSmall
            | NoSuchFile
            | PermissionDenied
            | IsADirectory
            | NotRegularFile(_)
            | TooLarge { .. }
            | PageTooLarge { .. }
            | NoTextInPage
            | UnknownEncoding(_)
            | CannotTellEncoding
            | NulBytes(_)
            | EmptyText
            | BlankText
            | CfgOutsideTable { .. }
            | CfgUnknownTable { .. }
            | CfgUnknownKey { .. }
            | CfgWrongType { .. }
            | CfgInvalid { .. }
            | CfgInvalidBecause { .. }
            | CfgUnknownFigureKind { .. }
            | CfgUnknownRole { .. }
            | CfgUnknownStylePart { .. }
            | CfgUnknownColour { .. }
            | CfgUnknownModifier { .. }
            | CfgUnknownAction { .. }
            | CfgUnknownKeyName { .. }
            | CfgKeyTaken { .. }
            | CfgQuitWithoutKey
            | CfgCannotRead(_)
            | CfgNotUtf8
            | CannotDo { .. }
            | StoreIsDirectory
            | StoreNotRegular
            | StoreTooLarge(_)
            | BookmarksNotSavedUntilFixed
            | PlacesNotSavedUntilFixed
            | NotABookmarksFile => Kind::Error,
            CfgKeyAlias { .. }
            | DidYouMean(_)
            | OrList(_)
            | TypeName(_)
            | ExpectIntRange { .. }
            | ExpectListOf(_)
            | ExpectModifierName(_)
            | ExpectColour
            | ExpectIndent
            | ExpectFilePath
            | ExpectFilePathOrDefault
            | ExpectOutlineWidth
            | ExpectStyle
            | ExpectKeyList
            | ExpectKeyName => Kind::Info,
            Comfort(c) => match c {
                self::Comfort::Widest(_) | self::Comfort::Narrowest(_) | self::Comfort::NowhereToSave => {
                    Kind::Warning
                }
                self::Comfort::BossFailed(_) | self::Comfort::NotSaved(_) => Kind::Error,
                _ => Kind::Info,
            },
            InvalidBytes { .. } => Kind::Warning,
            FiguresHighlighted
            | FigureHighlightingOff
            | Bookmarked(_)
            | Highlighted(_)
            | Copied(_)
            | BookmarkCancelled
            | Deleted(_)
            | Restored(_)
            | BackOnShelf(_)
            | Resumed { .. }
            | Reloaded(None)
            | SearchWrapped
            | SearchWrappedBottom
            | RemovedFromShelf(_)
            | ConfigFromArgument(_)
            | ConfigFromEnvironment(_)
            | ConfigDefaults(_) => Kind::Info,
            FigureStatus { .. }
            | FigureKind(_)
            | FiguresListTitle { .. }
            | QuoteStatus { .. }
            | SpeakerWithTitle { .. }
            | SpeakerNotNamed
            | Term
            | BookmarksListTitle { .. }
            | NoBookmarksYet(_)
            | Detached
            | Note(_)
            | SelectionStatus { .. }
            | HighlightLabel
            | Citation { .. }
            | MinutesLeft(_)
            | ActionHelp(_)
            | SectionsHelp
            | HelpHint(_)
            | HelpTitleScrolling { .. }
            | HelpTitle
            | NotePrompt
            | OutlineTitle
            | ShelfTitle { .. }
            | BundledOnShelf
            | ShelfEmpty
            | ShelfMissing
            | StdinName => Kind::Info,
            Indexing(_) | ReadingInput { .. } => Kind::Info,
            StdinCapped { .. } | StdinNoReload | StdinNotReopened => Kind::Warning,
        }
    }
}
