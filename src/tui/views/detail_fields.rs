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

/// What this round found, as drawn by [`field`], in `room` lines where it can be: the
/// longest fields give way first, down to one line each (ending in ".."); then the
/// fields labelled `secondary` go (the last first), then the others from the end.
pub(super) fn fit_found(
    app: &App,
    lines: Vec<Line<'static>>,
    room: usize,
    width: usize,
    secondary: &[&str],
) -> Vec<Line<'static>> {
    if lines.len() <= room {
        return lines;
    }
    let starts_field = |line: &Line| {
        line.spans
            .first()
            .is_some_and(|label| !label.content.trim().is_empty())
    };
    let mut fields: Vec<Vec<Line<'static>>> = Vec::new();
    for line in lines {
        match fields.last_mut() {
            Some(field) if !starts_field(&line) => field.push(line),
            _ => fields.push(vec![line]),
        }
    }
    let is_secondary = |field: &[Line]| {
        field
            .first()
            .and_then(|line| line.spans.first())
            .is_some_and(|label| secondary.contains(&label.content.trim()))
    };
    let mut kept: Vec<usize> = fields.iter().map(Vec::len).collect();
    while kept.iter().sum::<usize>() > room {
        let longest = (0..kept.len())
            .filter(|&i| kept[i] > 1)
            .max_by_key(|&i| kept[i]);
        let drop = || {
            let last = |secondary_only: bool| {
                (0..kept.len())
                    .rev()
                    .find(|&i| kept[i] > 0 && (!secondary_only || is_secondary(&fields[i])))
            };
            last(true).or_else(|| last(false))
        };
        match (longest, drop()) {
            (Some(i), _) => kept[i] -= 1,
            (None, Some(i)) => kept[i] = 0,
            (None, None) => break,
        }
    }
    let text_width = width.saturating_sub(app.lang.ui().label_width + 2).max(2);
    fields
        .into_iter()
        .zip(kept)
        .flat_map(|(mut field, most)| {
            if field.len() > most {
                field.truncate(most);
                if let Some(piece) = field.last_mut().and_then(|line| line.spans.last_mut()) {
                    let mut cut = truncate(&format!("{}..", piece.content), text_width);
                    if !cut.ends_with("..") {
                        cut = format!("{}..", truncate(&cut, text_width.saturating_sub(2)));
                    }
                    piece.content = cut.into();
                }
            }
            field
        })
        .collect()
}
