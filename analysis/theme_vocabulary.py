"""The words and phrase frames behind the feedback themes, and their compilation into regexes.

The rules that use them are in ``analysis.themes``. Notation: a space stands for any run of
whitespace and ``~`` for an optional hyphen or space ("hands~on" matches "hands-on", "hands on").
Patterns see lower-cased text in which quotes and brackets became spaces and curly apostrophes
straight ones; they match whole words. Lookbehinds use ``\\s``, never a space.

Each theme has up to three tiers of cues:

- ``CUES`` name the theme on their own ("salary", "too junior", "hiring freeze").
- ``JUDGED_CUES`` are topics recruiters also mention in passing ("the technical interview",
  "your resume"); they count only where the clause judges them: an evaluative word or a
  negation close by. In a short spreadsheet note they count as they are.
- ``NOTE_CUES`` are bare topic words that count only in a short note ("experience", "budget").

Where two cues start at the same word, the earlier pattern wins (so longer frames come first),
and across themes the earlier theme in ``CUE_ORDER``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# Words that cannot sit between a qualifier and its noun ("more about your experience").
_FUNCTION_WORD = r"(?:about|of|with|your|my|his|her|their|our|the|a|an|in|for|and|or|to|on|at|as|that|this|which|who|you|we|i)"
_MODIFIER = r"(?:(?!" + _FUNCTION_WORD + r"\b)[\w-]+ )"

TECH_WORDS = (
    r"python|java|javascript|js|typescript|c\+\+|c#|\.net|golang|ruby|rails|php|perl|scala|kotlin|sql|nosql"
    r"|html5?|css3?|react(?:\.?js)?|angular(?:js)?|vue(?:\.?js)?|node(?:\.?js)?|django|spring boot|aws|azure|gcp"
    r"|docker|kubernetes|terraform|linux|git|excel|tableau|power bi|salesforce|spark|hadoop|kafka|tensorflow"
    r"|pytorch|machine learning|deep learning|statistics|matlab|bash|graphql|microservices|devops|ci/cd"
    r"|front~end|back~end|full~stack|ui|ux|ios|android|frameworks?|apis?|cloud|autocad|figma|photoshop|seo"
    r"|data analysis|data modell?ing|distributed systems|object~oriented|oop|unit tests?|test cases?"
    r"|algorithms?|algorithmic|data structures?|edge~cases?|big~o|(?:time|space) complexity|system design"
    r"|debugging|clean code|code quality|programming|semi~colons?|math|maths|mathematics|trade~offs?"
)
TECH = "(?:" + TECH_WORDS + ")"
ROLE_NOUN = r"(?:developers?|engineers?|programmers?|architects?|analysts?|designers?|roles?|positions?|jobs?|openings?|teams?)"
# A technology named in a job title ("Front-End Engineer role") is not feedback.
_NOT_IN_TITLE = r"(?!(?:[\s/]+[\w-]+){0,2}[\s/]+" + ROLE_NOUN + r"\b)"
ASSESSMENT = (
    r"(?: phone| video| on~site| online)? (?:interviews?|screens?|screenings?|tests?|exams?|assessments?"
    r"|challenges?|exercises?|questions?|problems?|rounds?|tasks?|assignments?|quiz(?:zes)?|projects?)"
)
MATERIAL_WORDS = (
    r"r[eé]sum[eé]s?|cvs?|cover(?:ing)? letters?|application forms?|portfolios?|writing samples?"
    r"|linkedin(?: profile)?|github(?: profile)?|personal statement|motivation letter"
)
MATERIAL = "(?:" + MATERIAL_WORDS + ")"
POSITION = r"(?:position|role|job|vacancy|opening|posting|requisition|req|search|headcount|opportunity)"
EXPERIENCE_QUALIFIER = (
    r"(?:more|enough|sufficient|much|little|limited|insufficient|relevant|direct|prior|previous|professional"
    r"|commercial|industry|hands~on|practical|real~world|production|leadership|management|managerial|senior"
    r"|extensive|solid|strong|impressive|deep|broad|specific|required|necessary|adequate|proven|significant"
    r"|substantial|lack of|lacks|lacked|lacking|lack|without|no|any|years of"
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\+? (?:or more )?years?(?: of)?)"
)
_SPEAKER = r"(?:i|you|he|she|candidate)"

CUES: dict[str, tuple[str, ...]] = {
    "experience": (
        r"too (?:junior|senior|inexperienced|experienced|green|young|old)", r"(?:over|under)~qualified",
        r"(?:more|fewer|enough|few) years (?:of|in|working|on)", r"years in the (?:industry|field|role|business)",
        r"(?:already|prior|previous|more) (?:had |has |have |having )?experience",
        r"experience (?:in|with|from) (?:the |a |an )?(?:[\w-]+ ){0,2}?(?:industry|sector|field|domain|space|environment)",
        r"inexperienced?", r"seniority", r"experience level",
        EXPERIENCE_QUALIFIER + " " + _MODIFIER + r"{0,2}?(?:experiences?|exp)",
        r"(?:needs?|needed|wanted|wants|requires?|required|requiring|looking for|asked for) (?:at least |a minimum of )?(?:\d+|two|three|four|five|six|seven|eight|ten)\+? (?:or more )?(?:years?|yrs)",
        r"(?:concerns?|doubts?|worries|worried|reservations?) (?:about|with|regarding|around|over) (?:[\w'-]+ ){0,2}?(?:experience|background|seniority)",
        r"(?:not|n't|never|nor) (?:have|had|has|having|possess\w*|bring|brings|show\w*|demonstrat\w*|meet|met) (?:[\w'-]+ ){0,3}?experiences?",
        r"(?:loved|liked|valued|impressed (?:by|with)) (?:your|my|his|her|their|the) (?:[\w-]+ )?(?:experience|background|track record)",
        r"(?:more|less|someone|somebody) (?:more )?(?:senior|junior|experienced|seasoned)",
        r"(?:not|n't) (?:\w+ )?(?:senior|experienced|seasoned) enough",
        _SPEAKER + r" (?:was|were|am|are|is|'m|'re|seemed|seem) (?:a bit |a little |too |quite |very |still |more )?(?:junior|senior|young|mid|entry)(?:~level)?",
        r"(?:wanted|want|wants|needed|need|needs|looking for|prefer\w*|requir\w+) (?:a |an |someone |somebody )?(?:more )?(?:senior|experienced|seasoned)",
        r"(?:better|more) (?:suited|fit|suitable|qualified) (?:for|to) (?:a |an |our |the |their )?(?:more )?(?:senior|junior|entry~level|trainee|graduate|intern|lead|principal|staff|management)",
        r"(?:look|looking|apply|applying) for (?:a |an )?(?:more )?(?:trainee|junior|entry~level|internship|intern|graduate|senior) (?:position|role|job|post)s?",
        r"leadership(?: experience| skills?| abilit(?:y|ies)| qualities)?",
        r"(?:management|managerial|people management|team lead) (?:experience|skills?|abilit(?:y|ies))",
    ),
    "technical_skills": (
        r"(?:technical|coding|programming|engineering|analytical|problem~solving|hard|design|" + TECH_WORDS
        + r") (?:skill~set|skills?|abilit(?:y|ies)|knowledge|expertise|depth|competenc(?:e|y|ies)|proficiency|fundamentals|background|chops)",
        r"(?:domain|subject~matter) (?:knowledge|expertise)", r"tech(?:nology)? stack",
        r"(?:lack(?:s|ed|ing)?|without|missing|gaps? in|(?:n't|not|never) (?:\w+ ){0,2}?(?:have|had|has|having|show\w*|demonstrat\w*|possess\w*)) (?:of )?(?:the |any |your |my )?(?:(?:right|required|necessary|relevant) )?(?:skill~set|skills?)",
        r"coding(?!" + ASSESSMENT + ")", TECH + _NOT_IN_TITLE + "(?!" + ASSESSMENT + ")",
    ),
    "qualifications": (
        r"(?<!some\s)(?<!certain\s)(?<!high\s)(?<!great\s)(?<!large\s)(?<!to\sa\s)degrees?(?! of)",
        r"bachelor'?s?", r"master'?s(?: degree)?", r"ph\.?d", r"doctorate", r"mba", r"b\.?sc", r"m\.?sc",
        r"diplomas?", r"gpa", r"grades?", r"grade point", r"transcripts?", r"certif\w+", r"licen[cs](?:e|es|ed|ing)",
        r"accredit\w+", r"education(?:al)?", r"academic\w*", r"computer science", r"(?:cs|stem|university|college) (?:background|degree)", r"(?:formal|professional) (?:qualifications?|training)",
    ),
    "communication": (
        r"communication (?:skills?|style)", r"communicator", r"communicat\w+ (?:clearly|effectively|well|poorly)",
        r"(?:clear|effective|good|great|strong|poor|weak|better|excellent) communicat\w+",
        r"(?:in)?articulat\w+", r"clarity", r"concise(?:ness|ly)?", r"succinct\w*", r"rambl\w+", r"off~topic",
        r"tangents?", r"verbos\w+", r"long~winded", r"filler words?", r"grammar", r"grammatical(?:ly)?",
        r"listen(?:ed|ing|er)?", r"follow (?:the |his |her |their |my |your )?(?:directions?|instructions?|prompts?)",
        r"interrupt\w*", r"(?:concrete|specific|real|detailed|relevant|real~world|more) examples?",
        r"star (?:method|format|framework|technique|structure)", r"presentation skills?",
        r"(?:verbal|written|oral|speaking|writing|language|english|interpersonal|soft|people|listening) skills?",
        r"(?:english|german|french|spanish|dutch|italian|portuguese|mandarin|japanese|arabic|language) (?:proficiency|level|fluency|speaker|skills?|requirements?)",
        r"native (?:[\w-]+ )?speakers?", r"fluen(?:cy|t|tly)",
        r"(?:explain|express|convey) (?:yourself|himself|herself|themselves|myself|ideas|thoughts|reasoning)",
        r"(?:talk|talked|talking|spoke|speak|speaking) too (?:much|fast|quickly|long)",
        r"structured? (?:your |my |the )?(?:answers?|responses?|thoughts)", r"(?:hard|difficult|easy) to (?:follow|understand)",
        r"(?:well|poorly|badly|clearly)~structured|unstructured|(?:lacked|lacking|lack of|more|better|clear|clearer|no) structure",
        r"(?:lacked|lacking|lack of|too much|too little|not enough|needed more|need more|more) detail(?:s|ed)?(?! (?:feedback|information|about|regarding|on))",
    ),
    "preparation": (
        r"(?:well~|un|under|ill~)?prepar(?:ed|ation|edness)", r"prepare",
        r"(?:did|do|done|doing) (?:your|any|enough|more|no|much|the|their|little) (?:research|homework)",
        r"research(?:ed)? (?:the |our |this )?(?:company|us|role|business|product|team|organi[sz]ation)",
        r"homework", r"caught off~guard", r"off~guard",
        r"(?:knowledge|understanding|familiarity|awareness) (?:of|about) (?:the |our |this |their )?(?:company|product|products|business|role|position|industry|mission|services|market|clients?|organi[sz]ation)",
        r"(?:company|product|business) (?:knowledge|research)",
        r"(?:know|knew|known|knowing|learn|learned|read|researched?) (?:much |little |anything |nothing |enough |more |very little )?about (?:us|(?:the |our |this |their )(?:\w+ )?(?:company|product|products|business|role|position|organi[sz]ation|mission|industry|market|clients?|customers?|services|team|model))",
    ),
    "presence": (
        r"(?:self~|over|under)?confiden(?:ce|t|tly)", r"self~assured", r"self~doubt", r"nerv(?:ous|ousness|es)",
        r"anxious|anxiety", r"enthusias\w+", r"passion(?:ate)?", r"(?:un)?motivat\w+", r"energ(?:y|etic)", r"attitude",
        r"arrogan\w+", r"cocky", r"rude(?:ness)?", r"disrespect\w*", r"(?:un)?professionalism", r"unprofessional",
        r"punctual\w*", r"late (?:to|for) (?:the |our |your |an )?(?:interview|call|meeting)",
        r"(?:arrived|showed up|came|turned up|joined|logged on|running|ran|was|were) (?:\w+ ){0,2}?late(?! \d)",
        r"no~show", r"(?:n't|not|never|failed to) (?:show up|turn up|attend)", r"eye contact", r"body language", r"manners",
        r"(?:im)?polite(?:ness)?", r"demeanou?r", r"executive presence", r"(?:un|dis)interested",
        r"(?:lack of|little|no|more|genuine|real|showed|show|expressed|express|demonstrated|demonstrate) (?:of )?(?:interest|excitement|drive)",
        _SPEAKER + r" (?:\w+ ){0,2}?(?:seemed|seem|appeared|sounded|came across as) (?:very |really |genuinely |truly )?(?:interested|engaged)",
        r"(?:n't|not) know what (?:you|he|she|they|i) want(?:ed)?",
        r"(?:seemed|seem|appeared|looked|came across as|come across as) (?:\w+ )?(?:distracted|bored|tired|disengaged|stressed|flustered|uncomfortable|defensive|aggressive|hesitant|unsure|cold|distant)",
        r"too (?:quiet|shy|reserved|timid|aggressive|pushy|casual)", r"shy|timid|introverted", r"defensive", r"humble|humility",
        r"dress|dressed|attire|outfit",
    ),
    "culture_fit": (
        r"cultur(?:e|al) (?:fit|add|match|alignment|misalignment|mismatch)", r"culturally",
        r"(?:team|company|organi[sz]ational|personality) (?:fit|dynamics?|clash)",
        r"fit (?:in with|in|into|with|within) (?:the |our |their |your |a |this )?(?:team|culture|company|organi[sz]ation|group|environment)",
        r"fit (?:to|for) (?:join |joining )?(?:the |our |their |this )?team",
        r"(?:our|company|core|shared|team|company's|their|your|my|his|her) values", r"work(?:ing)? style", r"team player",
        r"(?:startup|corporate|fast~paced|agile) (?:environment|culture|mindset)",
    ),
    "compensation": (
        r"salary (?:expectations?|requirements?|range|band|budget)", r"salar(?:y|ies)", r"compensation", r"pay (?:band|range|scale|grade|rate|expectations?|requirements?|level|bracket)",
        r"(?:the|your|my|low|higher|lower|their) pay(?! attention)", r"wages?", r"(?:hourly|daily|day|contract) rates?",
        r"(?:financial|money|rate) expectations?",
        r"(?:over|above|outside|beyond|exceeds?|exceeded|out of|within) (?:of )?(?:our |the |their |my )?(?:budget|pay range|salary range|band)",
        r"(?:too )?expensive", r"cheaper", r"(?:more|too much|less) money", r"asking (?:for )?(?:too much|a lot)",
    ),
    "logistics": (
        r"locations?", r"relocat\w+", r"commut\w+", r"visas?", r"sponsor\w*", r"work (?:permit|authori[sz]ation|rights|eligibility)",
        r"right to work", r"citizen(?:ship)?", r"green card", r"h~1b", r"(?:security )?clearance", r"availability",
        r"(?:un)?available (?:until|till|before|from|to start|to work|to relocate|to travel)", r"start date",
        r"(?:start|starting|join|joining) (?:sooner|earlier|immediately|right away|straight away|asap|later|next week|next month)",
        r"(?:can|could|able to) start", r"notice period",
        r"(?:working|work|office|flexible|evening|weekend|night|business) hours", r"hours (?:of work|required)",
        r"(?:night|weekend|evening) shifts?", r"shift work", r"time~zones?", r"too far", r"distance from",
        r"local (?:candidates?|applicants?|talent)",
        r"(?:fully |100% )?remote(?:ly)?(?= (?:work|working|role|position|job|option|only|first|candidates?|opportunit\w+|policy|setup|arrangement))",
        r"(?:work|working|be|being|fully|want|wanted|prefer\w*|requir\w+|request\w*|needed|only) (?:\w+ )?remote(?:ly)?",
        r"hybrid (?:role|work|working|schedule|model|arrangement|position)", r"in-office", r"office~based",
        r"(?:days|work|working|be|being|come|coming) (?:in|into|from|at) (?:the |our |an? )?(?:\w+ )?office", r"return to (?:the )?office",
        r"on~site (?:work|requirement|role|position|presence|days?|only)", r"(?:work|working|be|being|come|coming) on~site",
        r"(?:work|working) (?:on )?(?:weekends|nights|evenings|shifts)",
        r"(?:candidates?|someone|somebody|people|applicants?) (?:who (?:are|is|live) )?(?:based|located|living) (?:in|near|within|closer)",
        r"travel (?:requirements?|required)", r"willing to travel", r"schedul\w+ conflicts?",
    ),
    "role_closed": (
        r"(?:has|have|had) been filled", r"(?:was|were|is|got|been) (?:\w+ )?filled", r"filled (?:internally|the (?:position|role|vacancy))",
        r"(?:we|they) (?:have |'ve )?filled",
        POSITION + r"s? (?:has been |have been |had been |was |were |is |is now |got |has |have |had )?(?:closed|cancel+ed|removed|withdrawn|eliminated|frozen|paused|pulled|on hold|put on hold|placed on hold|discontinued|expired)",
        r"(?:close|closed|cancel|cancel+ed|remove|removed|eliminate|eliminated|freeze|froze|frozen|pause|paused|pull|pulled|put on hold) (?:the |this |that |our )?" + POSITION,
        r"no longer (?:available|open|accepting|hiring|recruiting|looking|need(?:ed)?|exists?)",
        r"(?:hiring|recruitment|recruiting|headcount|budget) (?:freeze|frozen|pause|paused|on hold|stopped|cuts?|reductions?)", r"freez(?:e|es|ing)",
        r"internal(?:ly)? (?:hire|hired|candidates?|applicants?|promotion|transfer|move|person|employee)",
        r"(?:hired|filled|promoted|went|go|gone|hire|hiring|chose|chosen) (?:\w+ ){0,2}?internal(?:ly)?",
        r"(?:decided|chose|opted|decision) (?:not to|to not|against|not) (?:fill\w*|hir\w+|recruit\w*|open\w*)",
        r"(?:not|n't|stopped) (?:be )?(?:hiring|recruiting) for", r"reorgani[sz]ation|reorg|restructur\w+|lay~offs?|downsiz\w+",
        r"budget (?:[\w-]+ ){0,4}?(?:was |has been |got )?(?:cut|pulled|lost|frozen|reduced|reallocated|removed)", r"lost (?:the |our )?(?:budget|funding)",
        r"no intention (?:of|to) (?:hire|hiring|fill)", POSITION + r" (?:no longer exists|was eliminated|was removed)",
    ),
    "application_materials": (
        r"(?:grammar|grammatical|formatting|format|layout|length) (?:[\w-]+ ){0,3}?(?:in|on|of) (?:your |my |the |his |her )?" + MATERIAL,
        MATERIAL + r" (?:[\w'-]+ ){0,4}?(?:grammar|grammatical|formatting|format|layout|length|too long|too short|too generic|generic|typos?|mistakes?|errors?)",
        r"typos?", r"spelling(?: mistakes?| errors?)?", r"misspell\w*",
        r"missing (?:information|details|dates|contact)", r"(?:incomplete|unfinished) application", r"application (?:was |is )?(?:incomplete|missing)",
        r"(?:n't|not|failed to|forgot to) (?:include|attach|submit|provide|send) (?:a |an |your |my |the )?(?:[\w-]+ )?(?:" + MATERIAL_WORDS + r"|references|work samples?)",
    ),
}

JUDGED_CUES: dict[str, tuple[str, ...]] = {
    "experience": (r"(?:experience|background|track record) (?:is|was|were|are|seemed|seems|looked|felt)", r"(?:senior|junior|entry|mid)~level", r"backgrounds?(?! check)"),
    "technical_skills": (
        r"(?:technical|tech|coding|programming|algorithm\w*|whiteboard|live~coding|take~home|system design|design|" + TECH_WORDS + ")" + ASSESSMENT,
        r"take~home", r"leetcode|hackerrank|codility|codesignal|oa", r"submission",
        r"(?:online|skills?|aptitude|written|practical|cognitive|numerical|logical|psychometric) (?:assessments?|tests?|exams?)",
        r"(?:the|your|our|this|my) (?:assessments?|tests?|exams?)", TECH + r"(?:[\s/]+[\w-]+){0,2}[\s/]+" + ROLE_NOUN,
        r"figure out|solve[ds]?|solving|implement\w*|optimi[sz]\w*|debug\w*|code|coded|write (?:the |working |clean )?code",
        r"(?:complete|finish) the (?:task|exercise|challenge|test|assignment)", r"technical(?:ly)?", r"technolog(?:y|ies)",
        r"(?:your|my|his|her|the) designs?", r"solutions?",
        r"(?:required|necessary|right|relevant|specific|needed|enough|sufficient|key|core|missing) (?:skill~set|skills?)",
        r"knowledge|expertise|know~how|fundamentals",
    ),
    "qualifications": (r"universit(?:y|ies)", r"college", r"graduat\w+", r"coursework", r"qualifications?"),
    "communication": (
        r"(?:your|his|her|my|the) (?:\w+ )?(?:answers?|responses?)", r"communicat\w+", r"presentation", r"english", r"(?<!for\s)examples?",
        r"explain\w* (?:your|his|her|my|the|their) (?:\w+ )?(?:approach|answers?|reasoning|thinking|thought process|solution|decisions?|code|work|projects?)",
        r"question(?:s)? (?:asked|being asked)",
    ),
    "preparation": (r"job (?:description|spec)", r"research"),
    "presence": (r"engag(?:ed|ing|ement)", r"professional(?! experience| background| qualifications?| training| development)", r"commitment|committed"),
    "culture_fit": (r"culture", r"mindset", r"personality", r"collaborat\w+", r"teamwork"),
    "compensation": (r"expectations", r"equity"),
    "logistics": (r"(?:full|part)~time", r"travel\w*", r"based (?:in|out of)", r"located", r"remote(?:ly)?", r"hybrid"),
    "application_materials": (MATERIAL,),
}

NOTE_CUES: dict[str, tuple[str, ...]] = {
    "experience": (r"experiences?", r"junior", r"senior"),
    "qualifications": (r"credentials",),
    "compensation": (r"budget", r"pay", r"rates?"),
    "role_closed": (r"filled", r"closed", r"cancel+ed", r"removed", r"on hold", r"frozen"),
    "culture_fit": (r"values",),
}

# Where cues of two themes start at the same word, the theme listed first keeps the words.
CUE_ORDER = (
    "application_materials", "role_closed", "experience", "qualifications", "culture_fit", "communication",
    "preparation", "presence", "compensation", "logistics", "technical_skills",
)
# A cue of the key theme takes the words from an overlapping cue of the listed themes
# ("grammar mistakes in your CV" is about the CV; a "budget cut" closes a role).
TAKES_PRECEDENCE: dict[str, tuple[str, ...]] = {
    "application_materials": ("communication", "presence"),
    "role_closed": ("compensation",),
}

# Evaluative words. A negation up to three words before one flips it ("not clear", "no concerns").
POSITIVE_WORDS = (
    r"great|excellent|strong|strongest|impressive|impressed|impress|solid|outstanding|exceptional|fantastic"
    r"|amazing|brilliant|superb|terrific|stellar|good(?! luck| morning| afternoon| evening| news| day)|nice|loved|liked"
    r"|(?:did|doing|done|performed|went|interviewed|answered|communicated|spoke|presented|handled|explained|very|really|extremely|quite|so) well"
    r"|well~(?:prepared|spoken|structured|researched|organi[sz]ed|presented|thought~out|written|rounded)"
    r"|relevant|clear|articulate|thorough|confident|confidently|enthusiastic|passionate|polished|knowledgeable|competent"
    r"|capable|talented|skilled|prepared|punctual|polite|motivated|concise|structured|positive|calm|keen|fluent|humble|thoughtful"
    r"|professional(?:ly)?(?! experience| background| qualifications?| training| development| network| references?| services?)"
    r"|(?:seemed|seem|appeared|sounded|very|really|genuinely|truly) (?:interested|engaged)"
    r"|(?:meet|meets|met|reach|reached|clear|cleared) (?:our|the|your) (?:bar|standard|threshold)"
    r"|fits? (?:in|well|right in)|up to (?:par|scratch|the (?:bar|standard|mark))|enough|sufficient(?:ly)?|adequate(?:ly)?|extensive|deep|praised"
)
NEGATIVE_WORDS = (
    r"poor(?:ly)?|weak(?:er|ness|nesses)?|bad(?:ly)?|lack(?:s|ed|ing)?|limited|insufficient(?:ly)?|inadequate(?:ly)?"
    r"|lackluster|lacklustre|mediocre|sub~par|below (?:the )?(?:bar|par|expectations|standard|level|threshold)|(?:fell|falls|fall) short"
    r"|short of|fail(?:s|ed|ing|ure)?|struggl\w+|concerns?|concerned|worr(?:y|ied|ies)|issues?|doubts?|missing|unclear"
    r"|vague|unable|mistakes?|errors?|typos?|wrong|incorrect(?:ly)?|inaccura\w+|sloppy|messy|empty|incomplete|unfinished|low|needs? (?:to )?(?:improve|improvement|work)"
    r"|improv(?:e|ed|ement|ements)|(?:could|should|would|needs? to|needed to|ought to) (?:have )?(?:be |been )?(?:\w+ )?(?:better|clearer|stronger)|gaps?|nervous|anxious|unprepared"
    r"|underprepared|arrogant|cocky|rude|unprofessional|disinterested|uninterested|unmotivated|rambl\w+|disorgani[sz]ed"
    r"|unstructured|inexperienced|overconfident|hesitant|distracted|late|bombed|messed up|underwhelming|disappointing"
    r"|confusing|confused|difficult|hard time|not up to"
)
# Shortfall words judge a cue ("more experience", "too junior") but say nothing on their own.
SHORTFALL_WORDS = (
    r"too much|too many|too little|not much|not many|very little|too|more(?! closely)|less|fewer|lower|stronger|deeper|broader"
    r"|(?:\d+|two|three|four|five|six|seven|eight|ten)\+? (?:or more )?(?:years|yrs)"
)
NEGATORS = r"not|no|never|nor|without|none|neither|hardly|barely|cannot|n't"

# Courtesy, figures of speech and talk about other applicants: evaluative words here judge nobody.
NON_JUDGEMENTS = (
    r"(?:it was|it's|it is|became|become|made it|make it|to be) clear|thank(?:s| you)\w*(?: (?:so|very) much)?|(?:great|nice|good|lovely|a pleasure|pleasure) (?:to |meeting |speaking |talking |getting )(?:\w+ ){0,2}?(?:you|with you)"
    r"|best of luck|wish you (?:\w+ ){0,3}?(?:well|luck|success|best)|all the best|best wishes|(?:best|kind|warm) regards"
    r"|appreciate(?:d)? (?:your|the) (?:time|interest|patience|effort)|encourage you to"
    r"|(?:great|strong|many|several|large|high) (?:number|volume|pool) of"
    r"|(?:other|many|several|number of|pool of) (?:very |highly |extremely |exceptionally )?(?:strong|qualified|talented|great|excellent|impressive|solid|good) (?:candidates?|applicants?|people|profiles?)"
)

# Clause structure. A concessive clause ("while your record is impressive, ...") runs to the next
# comma or break and backgrounds its praise.
CONCESSIVE = r"while|whilst|although|though|even though|despite|in spite of|notwithstanding|albeit"
_CONTRAST = r"(?:but|however|yet|whereas|otherwise|except)\b"
CLAUSE_BREAK = r"[.!?;:]+(?=\s|$)|\n|\s-+\s|,\s*" + _CONTRAST + r"|\s" + _CONTRAST

# The outcome itself: the message is a rejection even where it names no reason.
REJECTION = (
    r"reje[ck]\w*|unfortunately|regret\w*|unsuccessful|sadly|turned down|ghost\w*|declin\w+"
    r"|(?:not|n't) (?:\w+ ){0,2}?(?:selected|successful|shortlisted|progress\w*|proceed\w*|mov\w+ (?:forward|ahead)|advanc\w+"
    r"|extend\w*|offer\w*|hire|hired|invit\w+|suited|suitable|right for|a (?:\w+ )?(?:fit|match)|match\w*|align\w*|meet|fit)"
    r"|(?:other|another|different|more suitable|stronger|more qualified) (?:[\w'-]+ )?(?:candidates?|applicants?|profiles?|people|individuals?)"
    r"|(?:with|by) others|(?:pass|passed|passing) on|decided to pass|(?:no|n't|not|unable to|never) (?:\S+ ){0,4}?feedback"
    r"|(?:move|moving|moved|go|going|went|proceed|proceeding|continue|continuing) (?:forward |ahead )?with (?:\w+ ){0,2}?(?:candidates?|applicants?|someone|somebody|others)"
    r"|(?:pursue|pursuing|pursued) (?:\w+ ){0,2}?(?:candidates?|applicants?|profiles?|others)"
    r"|(?:preferred|chose|chosen|selected|hired|picked|found|identified|went with|gone with|decided on|offered the (?:role|position|job) to|given to) (?:a |an |another |the )?(?:\w+ )?(?:candidates?|applicants?|someone|somebody|person|people)"
    r"|different direction|(?:didn't|did not|failed to|couldn't|could not) (?:pass|clear|get through|make it)"
    r"|no (?:response|reply|answer|offer)|(?:never|did not|didn't) (?:hear|heard) back|tough decision|difficult decision"
)

# "Rejected by <employer> for <role> because <reason>": the words before the reason set the scene
# ("a leading Linux distribution", "a Java Developer role") and give no reason themselves.
SCENE = (
    r"(?:reje[ck]\w*|turned down|declined)(?: me)? (?:by|at|from|for) [^.!?;:]*?"
    r"(?=\s(?:because|due to|since|as|after|when|despite|for not|for lacking)\b)"
)

# Who a clause is about. Praise that names no theme counts only when it is about the candidate.
ABOUT_CANDIDATE = r"you|your|yours|you're|i|i'm|my|me|candidate|he|she|his|her|him"

# Long words worth correcting when misspelt by one letter (a typo, a dropped or doubled letter).
TYPO_TARGETS = (
    "experience", "experienced", "inexperienced", "communication", "communicate", "qualifications", "qualification",
    "qualified", "overqualified", "technical", "sponsorship", "relocation", "relocate", "preparation", "prepared",
    "unprepared", "confidence", "confident", "enthusiasm", "enthusiastic", "motivation", "salary", "compensation",
    "expectations", "location", "availability", "position", "unfortunately", "rejected", "feedback", "candidate",
    "interview", "knowledge", "leadership", "professionalism", "certification", "internally", "cancelled",
)
# Real words one letter away from a target: never "corrected".
NOT_TYPOS = (
    "expedience", "revocation", "reparation", "vocation", "locution", "elocation", "positron", "dejected",
    "readership", "infernally", "confidant", "communization", "commensation",
)


# Compilation. Python's regex engine tries every branch of an alternation at every position, so
# the alternatives are regrouped by their first letter: a branch whose letter differs is skipped
# at once. Leading groups are distributed first ("(?:over|under)-qualified" -> two alternatives).


def expand(pattern: str) -> str:
    """Notation to regex: a space is any run of whitespace, ``~`` an optional hyphen or space."""
    return pattern.replace("~", r"(?:-|\s+)?").replace(" ", r"\s+")


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, bracket depth outside it) of each character outside escapes and classes."""
    depth, index, in_class = 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 1
        elif in_class or char == "[":
            in_class = char != "]"
        else:
            depth -= char == ")"
            yield index, char, depth
            depth += char == "("
        index += 1


def _atoms(pattern: str) -> list[str]:
    """The pattern's top-level alternatives, with leading groups distributed over the rest."""
    cuts = [-1] + [index for index, char, depth in _structure(pattern) if char == "|" and depth == 0] + [len(pattern)]
    atoms = []
    for alternative in (pattern[start + 1 : end] for start, end in zip(cuts, cuts[1:])):
        if not alternative.startswith("(?:"):
            atoms.append(alternative)
            continue
        close = next(index for index, char, depth in _structure(alternative) if char == ")" and depth == 0)
        inner, rest = alternative[3:close], alternative[close + 1 :]
        if rest[:1] == "?" and rest[1:]:
            atoms += [atom + rest[1:] for atom in _atoms(inner)] + _atoms(rest[1:])
        elif rest[:1] in ("?", "*", "+", "{"):
            atoms.append(alternative)
        else:
            atoms += [atom + rest for atom in _atoms(inner)]
    return atoms


def alternation(named_patterns: Iterable[tuple[str, Iterable[str]]]) -> str:
    """One regex matching whole words (or from "n't" inside a word) for named lists of patterns.

    Each named list becomes capturing groups called ``<name>__<n>``; where two match at the same
    word, the earlier list wins. After the word-start test, a single dispatch on the first letter
    picks the branch, so the cost hardly grows with the size of the vocabulary.
    """
    by_letter: dict[str, list[str]] = {}
    inside_word, others = [], []
    number = 0
    for name, patterns in named_patterns:
        letters: dict[str, list[str]] = {}
        own_inside, own_others = [], []
        for atom in _atoms("|".join(expand(pattern) for pattern in patterns)):
            if atom.startswith("n't"):
                own_inside.append(atom[3:])
            elif re.fullmatch("[a-z0-9]", atom[:1]) and atom[1:2] not in ("?", "*", "+", "{"):
                letters.setdefault(atom[0], []).append(atom[1:])
            else:
                own_others.append(atom)
        for target, atoms in [*((by_letter.setdefault(letter, []), rests) for letter, rests in letters.items()),
                              (inside_word, own_inside), (others, own_others)]:
            if atoms:
                target.append(f"(?:{'|'.join(atoms)})(?P<{name}__{number}>)")
                number += 1
    branches = [letter + "(?:" + "|".join(groups) + ")" for letter, groups in by_letter.items()] + others
    return "(?:n't(?:" + "|".join(inside_word or ["(?!)"]) + r")|(?<!\w)(?:" + "|".join(branches) + r"))(?!\w)"


def group_name(match: re.Match[str]) -> str:
    """The name given to ``alternation`` for the list that matched."""
    return match.lastgroup.rsplit("__", 1)[0]


def _cue_lists(tiers: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """(theme__tier, patterns) for the given tiers, tier by tier, themes in ``CUE_ORDER``."""
    lists = {"cue": CUES, "judged": JUDGED_CUES, "note": NOTE_CUES}
    return [(f"{theme}__{tier}", lists[tier][theme]) for tier in tiers for theme in CUE_ORDER if theme in lists[tier]]


CUE_PATTERN = re.compile(alternation(_cue_lists(("cue", "judged"))))
NOTE_CUE_PATTERN = re.compile(alternation(_cue_lists(("cue", "judged", "note"))))
VALENCE = re.compile(
    f"(?P<clause_break__0>{CLAUSE_BREAK})|(?P<comma__0>,)|"
    + alternation(
        [("non_judgement", [NON_JUDGEMENTS]), ("concessive", [CONCESSIVE]), ("negative", [NEGATIVE_WORDS]),
         ("shortfall", [SHORTFALL_WORDS]), ("positive", [POSITIVE_WORDS]), ("negator", [NEGATORS])]
    )
)
ABOUT_CANDIDATE_PATTERN = re.compile(alternation([("candidate", [ABOUT_CANDIDATE])]))
REJECTION_PATTERN = re.compile(alternation([("rejection", [REJECTION])]))
SCENE_PATTERN = re.compile(expand(SCENE))
