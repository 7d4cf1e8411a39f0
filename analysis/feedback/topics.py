"""Topics that name a theme only where a clause judges them (``JUDGED_CUES``: "the technical
interview", "your resume") or in a short spreadsheet note (``NOTE_CUES``: "experience", "budget").
Notation as in ``analysis.feedback.vocabulary``."""
from __future__ import annotations

from analysis.feedback.words import (
    ASSESSMENT,
    EXERCISE,
    MATERIAL,
    PLAIN_WORD,
    ROLE_NOUN,
    TECH,
    TECH_WORDS,
)

JUDGED_CUES: dict[str, tuple[str, ...]] = {
    "experience": (
        r"(?:experience|background|track record) (?:is|was|were|are|seemed|seems|looked|felt)",
        r"(?:your|his|her|my|their) (?:[\w-]+ )?(?:experience|background|track record)(?: (?:in|with|of|at|from) (?:" + PLAIN_WORD + r" ){0,2}" + PLAIN_WORD + ")?",
        r"(?:senior|junior|entry|mid)~level", r"backgrounds?(?! check)", r"track record", r"(?:employment|work|career) (?:history|gaps?|breaks?)",
    ),
    "technical_skills": (
        r"(?:technical|tech|coding|programming|algorithm\w*|whiteboard|live~coding|take~home|system design|design|" + TECH_WORDS + ")" + ASSESSMENT,
        EXERCISE + r" (?:tests?|exercises?|challenges?|tasks?|assignments?|assessments?|rounds?|problems?)",
        r"take~home", r"leetcode|hackerrank|codility|codesignal|oa", r"submission",
        r"case~stud(?:y|ies)|case (?:interviews?|exercises?|questions?|tasks?|presentations?|assignments?)",
        r"(?:numerical|verbal|logical|abstract|situational|inductive|deductive|diagrammatic|mechanical) (?:reasoning|judge?ment)(?: tests?| assessments?| exercises?)?",
        r"(?:online|skills?|aptitude|written|practical|cognitive|numerical|logical|psychometric) (?:assessments?|tests?|exams?)",
        r"(?:the|your|our|this|my) (?:assessments?|tests?|exams?|exercises?|assignments?)",
        r"attention to detail|detail~oriented|eye for detail", TECH + r"(?:[\s/]+[\w-]+){0,2}[\s/]+" + ROLE_NOUN,
        r"figure out|solve[ds]?|solving|implement\w*|optimi[sz]\w*|debug\w*|code|coded|write (?:the |working |clean )?code",
        r"(?:complete|finish) the (?:task|exercise|challenge|test|assignment)", r"technical(?:ly)?", r"technolog(?:y|ies)",
        r"(?:your|my|his|her|the) designs?", r"solutions?",
        r"(?:required|necessary|right|relevant|specific|needed|enough|sufficient|key|core|missing) (?:skill~set|skills?)",
        r"knowledge|expertise|know~how|fundamentals", r"coders?|programmers?", r"whiteboard", r"(?:understanding|grasp|command|mastery) of",
    ),
    "qualifications": (r"universit(?:y|ies)", r"college", r"graduat\w+", r"coursework", r"qualifications?"),
    "communication": (
        r"(?:your|his|her|my|the) (?:\w+ )?(?:answers?|responses?)", r"answers|responses", r"communicat\w+", r"presentation", r"english", r"(?<!for\s)examples?",
        r"explain\w* (?:your|his|her|my|the|their) (?:\w+ )?(?:approach|answers?|reasoning|thinking|thought process|solution|decisions?|code|work|projects?)",
        r"question(?:s)? (?:asked|being asked)",
        r"role~plays?", r"writer|writing",
    ),
    "preparation": (r"job (?:description|spec|ad|advert|posting)|role profile|person spec(?:ification)?", r"research", r"preparing|prep|prepping|prepped"),
    "presence": (r"presence", r"engag(?:ed|ing|ement)", r"professional(?! experience| background| qualifications?| training| development)", r"commitment|committed"),
    "culture_fit": (r"culture", r"mindset", r"(?:your|his|her|my) (?:working |work |personal |direct |[\w-]+ )?style", r"autonomy", r"personality", r"collaborat\w+", r"teamwork", r"(?:our|the|their|company's|team's) pace"),
    "compensation": (r"expectations", r"equity", r"(?:your|my|his|her|the) rate"),
    "logistics": (r"(?:fully |100% )?remote (?:roles?|positions?|jobs?|opportunit\w+|candidates?)", r"(?:full|part)~time", r"travel\w*", r"based (?:in|out of)", r"located", r"remote(?:ly)?", r"hybrid"),
    "application_materials": (MATERIAL, r"tailor\w*"),
}

NOTE_CUES: dict[str, tuple[str, ...]] = {
    "experience": (r"experiences?", r"exp", r"junior", r"senior", r"jnr|snr"),
    "qualifications": (r"credentials",),
    "compensation": (r"budget", r"pay", r"rates?"),
    "technical_skills": (r"depth",),
    "role_closed": (r"filled", r"closed", r"cancel+ed", r"removed", r"on hold", r"frozen", r"timing"),
    "culture_fit": (r"values", r"fit"),
}
