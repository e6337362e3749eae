"""Problems found in user input, reported as values and rendered in one place (the CLI)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SpecProblem:
    """One thing wrong with an input file: where it is, what is wrong, what to do."""

    message: str
    file: str = ""
    pointer: str = ""  # JSON pointer into the document ("" = the whole document)
    line: int | None = None
    hint: str = ""
    code: str = ""  # stable identifier, e.g. "spec-invalid", "config-unknown-key"
    severity: str = "error"  # "error" | "warning"

    def format(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        text = f"{where}: {self.severity}"
        if self.code:
            text += f" [{self.code}]"
        text += ": "
        if self.pointer:
            text += f"at {self.pointer}: "
        text += self.message
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


@dataclass
class SdkgenError(Exception):
    """Bad input or usage: the CLI prints every problem and exits 2."""

    problems: list[SpecProblem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return "\n".join(p.format() for p in self.problems)

    @classmethod
    def single(cls, message: str, **where: object) -> "SdkgenError":
        return cls([SpecProblem(message=message, **where)])  # type: ignore[arg-type]
