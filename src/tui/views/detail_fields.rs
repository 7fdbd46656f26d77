//! The detail pane's labelled fields, and how the checklist's own fields are
//! shortened so that what this round found stays in sight.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::super::app::App;
use super::super::text::{truncate, wrap};
use super::common::labelled;
use crate::model::checklist::Item;

/// Lines for one labelled field, the text wrapped under itself.
pub(super) fn field(
    app: &App,
    label: &str,
    text: &str,
    width: usize,
    style: Style,
) -> Vec<Line<'static>> {
    field_in(app, label, text, width, style, usize::MAX)
}

/// [`field`] in at most `most` lines (none for 0); a cut field ends in "..".
pub(super) fn field_in(
    app: &App,
    label: &str,
    text: &str,
    width: usize,
    style: Style,
    most: usize,
) -> Vec<Line<'static>> {
    let label_width = app.lang.ui().label_width;
    let text_width = width.saturating_sub(label_width + 2).max(2);
    let mut pieces = wrap(text, text_width);
    if most == 0 {
        return Vec::new();
    }
    if pieces.len() > most {
        pieces.truncate(most);
        if let Some(last) = pieces.last_mut() {
            *last = truncate(&format!("{last}.."), text_width);
            if !last.ends_with("..") {
                *last = format!("{}..", truncate(last, text_width.saturating_sub(2)));
            }
        }
    }
    let mut lines = Vec::new();
    for (index, piece) in pieces.into_iter().enumerate() {
        let label = if index == 0 { label } else { "" };
        lines.push(labelled(
            label,
            label_width,
            vec![Span::styled(piece, style)],
            app.theme.label(),
        ));
    }
    lines
}

/// How many lines each field may keep so that together they fit `room`: the longest
/// give way first, down to one line each; then the last fields go, the first (the
/// standard) last of all.
pub(super) fn fit_fields(lengths: &[usize], room: usize) -> Vec<usize> {
    let mut kept = lengths.to_vec();
    while kept.iter().sum::<usize>() > room {
        if let Some(longest) = (0..kept.len())
            .filter(|&i| kept[i] > 1)
            .max_by_key(|&i| kept[i])
        {
            kept[longest] -= 1;
        } else if let Some(last) = (0..kept.len()).rev().find(|&i| kept[i] > 0) {
            kept[last] = 0;
        } else {
            break;
        }
    }
    kept
}

/// What the checklist says about the item: standard, methods, evidence, owners, in
/// `room` lines if it can be done by shortening them.
pub(super) fn standard_fields(
    app: &App,
    item: &Item,
    width: usize,
    room: usize,
) -> Vec<Line<'static>> {
    let t = app.lang.ui();
    let mut fields: Vec<(&str, String)> = Vec::new();
    if let Some(standard) = &item.standard {
        fields.push((t.standard, standard.clone()));
    }
    for (label, list) in [
        (t.methods, &item.methods),
        (t.evidence_wanted, &item.evidence),
        (t.owners, &item.owners),
    ] {
        if !list.is_empty() {
            fields.push((label, list.join("、")));
        }
    }
    let lengths: Vec<usize> = fields
        .iter()
        .map(|(label, text)| field(app, label, text, width, Style::new()).len())
        .collect();
    let kept = fit_fields(&lengths, room);
    fields
        .iter()
        .zip(kept)
        .flat_map(|((label, text), most)| field_in(app, label, text, width, Style::new(), most))
        .collect()
}
