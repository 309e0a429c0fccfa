"""brandkit: the Estonian Social Insurance Board's brand rules, checks, library and briefs."""
