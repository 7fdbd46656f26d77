//! A one-line text field: characters, a cursor, paste with newlines flattened.

use unicode_width::UnicodeWidthStr;

use super::text::display_line;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    chars: Vec<char>,
    cursor: usize,
}

impl LineInput {
    pub fn new(text: &str) -> LineInput {
        let chars: Vec<char> = text.chars().collect();
        LineInput {
            cursor: chars.len(),
            chars,
        }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    pub fn set(&mut self, text: &str) {
        *self = LineInput::new(text);
    }

    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        self.chars.insert(self.cursor, c);
        self.cursor += 1;
    }

    /// Pasted text: line breaks and tabs become spaces, other controls are dropped.
    pub fn insert_str(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '\r' => {}
                '\n' | '\t' => self.insert(' '),
                c => self.insert(c),
            }
        }
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            self.chars.remove(self.cursor);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.chars.len() {
            self.chars.remove(self.cursor);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.chars.len());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.chars.len();
    }

    pub fn clear(&mut self) {
        self.chars.clear();
        self.cursor = 0;
    }

    /// Display width of the text before the cursor as it is drawn (ambiguous-width
    /// characters swapped, controls dropped, see [`display_line`]): where the
    /// terminal cursor, and so the IME window, goes.
    pub fn cursor_column(&self) -> usize {
        let before: String = self.chars[..self.cursor].iter().collect();
        display_line(&before).width()
    }

    /// Applies an editing key; returns whether the key was used.
    pub fn handle_key(&mut self, key: &crossterm::event::KeyEvent) -> bool {
        use crossterm::event::{KeyCode, KeyModifiers};
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('u') if ctrl => {
                self.chars.drain(..self.cursor);
                self.cursor = 0;
            }
            KeyCode::Char('a') if ctrl => self.home(),
            KeyCode::Char('e') if ctrl => self.end(),
            KeyCode::Char(c) if !ctrl => self.insert(c),
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => self.delete(),
            KeyCode::Left => self.left(),
            KeyCode::Right => self.right(),
            KeyCode::Home => self.home(),
            KeyCode::End => self.end(),
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_moves_the_cursor_by_display_width() {
        let mut input = LineInput::new("办公");
        assert_eq!(input.cursor_column(), 4);
        input.left();
        input.insert('a');
        assert_eq!(input.text(), "办a公");
        assert_eq!(input.cursor_column(), 3);
        input.backspace();
        input.backspace();
        assert_eq!(input.text(), "公");
        input.insert_str("x\ny\r\tz\u{1b}");
        assert_eq!(input.text(), "x y z公");
    }

    #[test]
    fn the_cursor_is_measured_on_the_text_as_drawn() {
        // ① is drawn as "(1)": three cells, whatever the terminal thinks of ①.
        let mut input = LineInput::new("①①①①");
        assert_eq!(input.cursor_column(), 12);
        input.left();
        assert_eq!(input.cursor_column(), 9);
        input.set("“好”…");
        assert_eq!(input.cursor_column(), 2 + 2 + 2 + 3);
    }
}
