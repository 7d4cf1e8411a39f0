"""The words and phrase frames that name each feedback theme.

Evaluative words, negations and clause structure are in ``analysis.feedback.language``; both are
compiled into regexes by ``analysis.feedback.rules`` and used by ``analysis.feedback.classifier``. Notation: a
space stands for any run of whitespace and ``~`` for an optional hyphen or space ("hands~on"
matches "hands-on", "hands on"). Patterns see lower-cased text in which quotes and brackets
became spaces and curly apostrophes straight ones; they match whole words. Lookbehinds use
``\\s``, never a space.

Each theme has up to three tiers of cues:

- ``CUES`` name the theme on their own ("salary", "too junior", "hiring freeze").
- ``JUDGED_CUES`` are topics recruiters also mention in passing ("the technical interview",
  "your resume"); they count only where the clause judges them: an evaluative word or a
  negation close by. In a short spreadsheet note they count as they are.
- ``NOTE_CUES`` are bare topic words that count only in a short note ("experience", "budget").

Shared word lists (technologies, the employer, materials) are in ``analysis.feedback.words``;
``JUDGED_CUES`` and ``NOTE_CUES`` in ``analysis.feedback.topics``; the cues of pay, logistics and a
closed role in ``analysis.feedback.circumstances``. Where two cues start at the same
word, the earlier pattern wins (so longer frames come first), and across themes the earlier theme
in ``CUE_ORDER``.
"""
from __future__ import annotations

from analysis.feedback.circumstances import CIRCUMSTANCE_CUES
from analysis.feedback.words import (
    ASSESSMENT,
    EMPLOYER,
    EMPLOYER_NOUN,
    EXPERIENCE_QUALIFIER,
    LANGUAGE,
    MATERIAL,
    MATERIAL_WORDS,
    MODIFIER,
    NOT_IN_TITLE,
    NOT_THEM,
    OWN_EMPLOYER,
    SPEAKER,
    TECH,
    TECH_WORDS,
)

CUES: dict[str, tuple[str, ...]] = {
    "experience": (
        r"too (?:much |very )?(?:junior|senior|jnr|snr|inexperienced|experienced|green|young|old)", r"tenure|job~hopp\w+",
        r"(?:someone|somebody|candidates?|people|person|applicants?|more|much|a bit|a little|slightly) (?:much |a bit |a little )?(?:younger|older)",
        r"(?:couple|few) (?:of )?(?:more )?years|years under (?:your|his|her|my|their) belt", r"(?:over|under)~qualified",
        r"(?:more|fewer|enough|few) years (?:of|in|working|on)", r"years in the (?:industry|field|role|business)",
        r"(?:already|prior|previous|more) (?:had |has |have |having )?experience",
        r"experience (?:in|with|from) (?:the |a |an )?(?:[\w-]+ ){0,2}?(?:industry|sector|field|domain|space|environment)",
        r"inexperienced?", r"seniority", r"experience level",
        EXPERIENCE_QUALIFIER + " " + MODIFIER + r"{0,2}?(?:experiences?|exp|exposure)",
        r"(?:needs?|needed|wanted|wants|requires?|required|requiring|looking for|asked for|prefer\w*|someone|somebody|candidates?|people|applicants?)"
        r" (?:someone |somebody |a candidate |candidates |people )?(?:with )?(?:at least |a minimum of |over |more than |min )?"
        r"(?:\d+|two|three|four|five|six|seven|eight|ten)\+? (?:or more )?(?:years?|yrs)",
        r"(?:someone|somebody|candidates?|people|person|applicants?|profiles?) (?:who (?:has|have|had|'s) |with )(?:[\w-]+ ){0,3}?experiences?",
        r"(?:someone|somebody|candidates?|people|person|applicants?) who (?:has|have|had|'s|'d) (?:[\w&'-]+ ){1,5}?before", r"p&l|profit and loss",
        # management and leadership: "managed a team", "people management", "never had direct reports"
        r"(?:managed|managing|manage|manages|led|leading|lead|run|ran|running|supervised|supervising|supervise|mentored|mentoring"
        r"|built|building|grown|growing|headed|heading) (?:a |an |the |their |his |her |your |my |own |any |[\w-]+ )?(?:[\w-]+ )?"
        r"(?:teams?|people|direct reports|reports|staff|squads?|departments?|engineers|developers|designers|analysts|workers|employees)",
        r"(?:led|leading|lead|managed|managing|manage|run|ran|running|owned|owning|drove|driving|headed|heading) (?:a |an |the |[\w-]+ )?"
        r"(?:[\w-]+ )?(?:projects?|programmes?|programs?|initiatives?|launches)",
        r"(?:people|line|team|staff|middle|general|stakeholder|project|programme|program|change|account|client|vendor) manag\w+",
        r"(?:too|more of a|too much of a|very much a|a bit of a) (?:generalist|specialist)|(?:over|too) speciali[sz]ed|jack of all trades",
        r"(?:bigger|larger|stronger|wider|broader|better|more established|existing) (?:professional |industry |client |personal )?(?:network|book of business"
        r"|client base|contacts|rolodex)",
        r"(?:real |real~world |professional |commercial )?(?:workplace|work~place|industry|commercial|real~world) (?:context|exposure|settings?)",
        r"(?:left|changed|changing|switched|switching|moved|moving) (?:your |my |his |her )?(?:last |previous )?(?:\w+ )?jobs? (?:so |too )?"
        r"(?:quickly|often|frequently)|(?:short|brief) (?:stints|tenures)|too many (?:jobs|job changes|moves)",
        r"(?:someone|somebody|candidates?|people|person|applicants?) who(?:'s| has| have| had) (?:already |previously |recently |actually )?"
        r"(?:\w+ed|been|done|run|built|sold|led|grown|taken|shipped|won|held|made|seen|brought|driven|written|spent|had) (?:in|at|with|for|on|a|an|the|to)",
        r"individual contributor|(?:an |a )?ic (?:role|position|track)",
        r"(?:someone|somebody|candidates?|people|person|applicants?) who(?:'s| has| have| had) (?:worked|been|done|led|managed|run|built|operated|sold"
        r"|delivered) (?:in|at|with|for|on|a|an|the)",
        r"flight risk|(?:n't|not|wouldn't) stay (?:long|for long|very long)",
        r"(?:someone|somebody|candidates?|people|person) who (?:already )?(?:knows?|understands?) (?:the |our )?(?:[\w-]+ )?(?:market|industry|sector"
        r"|space|domain|business|clients?|customers?)",
        r"(?:get|getting|gets|be|become|feel) (?:quickly |easily |very |a bit )?(?:bored|unchallenged|under~challenged|under~utili[sz]ed)", r"direct reports", r"managerial|supervisory",
        r"(?:director|executive|vp|c~level|c~suite|board|management|managerial|leadership|principal|head of department) level",
        r"ready for (?:a |an |the |this )?(?:[\w-]+ )?(?:manager|management|managerial|senior|lead|leadership|head|director|principal)\w*",
        r"(?:a bit|a little|slightly|somewhat|rather|still|fairly|bit|little) (?:too |more |on the )?(?:junior|senior|inexperienced|green|young)",
        r"(?:concerns?|doubts?|worries|worried|reservations?) (?:about|with|regarding|around|over) (?:[\w'-]+ ){0,2}?(?:experience|background|seniority)",
        r"(?:not|n't|never|nor) (?:have|had|has|having|possess\w*|bring|brings|show\w*|demonstrat\w*|meet|met) (?:[\w'-]+ ){0,3}?experiences?",
        r"(?:loved|liked|valued|impressed (?:by|with)) (?:your|my|his|her|their|the) (?:[\w-]+ )?(?:experience|background|track record)",
        r"(?:more|less|someone|somebody) (?:more )?(?:senior|junior|experienced|seasoned)",
        r"(?:not|n't) (?:\w+ )?(?:senior|experienced|seasoned) enough",
        SPEAKER + r" (?:was|were|am|are|is|'m|'re|seemed|seem) (?:a bit |a little |too |quite |very |still |more )?(?:junior|senior|young|mid|entry)(?:~level)?",
        r"(?:wanted|want|wants|needed|need|needs|looking for|prefer\w*|requir\w+) (?:a |an |someone |somebody )?(?:more )?(?:senior|experienced|seasoned)",
        r"(?:better|more) (?:suited |fit |suitable |qualified |appropriate |aligned |geared |matched )?(?:for|to|with) (?:a |an |our |the |their )?(?:more )?(?:senior|junior|entry~level|trainee|graduate|intern|lead|principal|staff|management)",
        r"(?:look|looking|apply|applying) for (?:a |an )?(?:more )?(?:trainee|junior|entry~level|internship|intern|graduate|senior) (?:position|role|job|post)s?",
        r"leadership(?: experience| skills?| abilit(?:y|ies)| qualities)?",
        r"(?:management|managerial|people management|team lead) (?:experience|skills?|abilit(?:y|ies))",
    ),
    "technical_skills": (
        r"(?:technical|coding|programming|engineering|analytical|analytics|quantitative|numeracy|data|software|problem~solving|hard|design|" + TECH_WORDS
        + r") (?:skill~set|skills?|abilit(?:y|ies)|knowledge|expertise|depth|competenc(?:e|y|ies)|proficiency|fundamentals|background|chops"
        r"|thinking|mind|approach|rigou?r)",
        r"(?:skills?|skill~set|technical) gaps?", r"whiteboarding",
        r"product (?:sense|thinking)|commercial (?:sense|awareness|acumen|nous)|business acumen", r"(?:answer|crack|solve|solved|cracked|answered) (?:the |this |that )?case",
        r"(?:unfamiliar|familiar\w*|proficien\w+|comfortable|competent|experience) with (?:the |our |their |these |those )?(?:[\w-]+ )?(?:tools?|tooling"
        r"|software|systems?|stack|platforms?|technolog\w+|programs?|packages?)",
        r"(?:training|upskilling|ramp~up|hand~holding) (?:on|in|with) (?:our |the |their )?(?:[\w-]+ )?(?:tools?|systems?|software|stack|technolog\w+|platforms?)",
        r"(?:domain|subject~matter) (?:knowledge|expertise)", r"tech(?:nology)? stack",
        r"(?:lack(?:s|ed|ing)?|without|missing|gaps? in|(?:n't|not|never) (?:\w+ ){0,2}?(?:have|had|has|having|show\w*|demonstrat\w*|possess\w*)) (?:of )?(?:the |any |your |my )?(?:(?:right|required|necessary|relevant) )?(?:skill~set|skills?)",
        r"coding(?!" + ASSESSMENT + ")", TECH + NOT_IN_TITLE + "(?!" + ASSESSMENT + ")",
    ),
    "qualifications": (
        r"(?:(?:bachelor|master)'?s?(?: degree)?|degrees?|ph\.?d|doctorate|m\.?sc|b\.?sc|diploma|major|majored|studied|qualifications?) in (?!(?:a|an|the|any|some|relevant|related)\s)(?:[\w-]+ )?[\w-]+",
        r"(?:academic|educational|education|university|college|school|cs|stem|ph\.?d|doctoral|master'?s|undergraduate) (?:background|record|history|research|work|thesis|results?|achievements?|projects?)",
        r"qualification(?!s)", r"quals?", r"chartered|part~qualified|fully qualified|cpa|cfa|acca|cima|cipd|pmp|cissp|ccna|qts|pgce|honou?rs(?: degree)?",
        r"(?:valid|current|required|relevant|hold|holds|held|possess\w*) (?:a |an |the |any )?(?:valid )?(?:[\w-]+ ){0,2}?(?:cards?|certificates?|tickets?|registrations?)",
        r"(?<!some\s)(?<!certain\s)(?<!high\s)(?<!great\s)(?<!large\s)(?<!to\sa\s)degrees?(?! of)",
        TECH + r"(?: [\w-]+){0,2} (?:certs?|certif\w+|qualifications?|accreditation)", r"certs?",
        r"registered (?:with|as|nurse|member)|(?:professional|nmc|hcpc|gmc|nursing|teaching) registration",
        r"(?:nvqs?|btecs?|gcses?|a~levels?|o~levels?|hnds?|hncs?|ged|high school diploma)(?: (?:grade|level) \w+)?"
        r"(?: (?:in )?(?:maths?|mathematics|english|science|physics|chemistry|biology|computing))?", r"dissertation|thesis",
        r"(?:top|elite|good|target|russell group|ivy league|top~tier|prestigious|red~brick|leading) (?:universit(?:y|ies)|schools?|colleges?)",
        r"bachelor'?s?", r"master'?s(?: degree)?", r"ph\.?d", r"doctorate", r"mba", r"b\.?sc", r"m\.?sc",
        r"diplomas?", r"gpa", r"grades?", r"grade point", r"transcripts?", r"certif\w+", r"licen[cs](?:e|es|ed|ing)",
        r"accredit\w+", r"education(?:al)?", r"academic\w*", r"computer science", r"(?:cs|stem|university|college) (?:background|degree)", r"(?:formal|professional) (?:qualifications?|training)",
    ),
    "communication": (
        r"communication (?:skills?|style)", r"communicator", r"communicat\w+ (?:clearly|effectively|well|poorly)",
        r"(?:clear|effective|good|great|strong|poor|weak|better|excellent) communicat\w+",
        r"(?:in)?articulat\w+(?! (?:vehicles?|lorr(?:y|ies)|trucks?))", r"clarity", r"concise(?:ness|ly)?", r"succinct\w*", r"rambl\w+", r"off~topic",
        r"tangents?", r"verbos\w+", r"long~winded", r"filler words?", r"grammar", r"grammatical(?:ly)?",
        r"listen(?:ed|ing|er)?", r"follow (?:the |his |her |their |my |your )?(?:directions?|instructions?|prompts?)",
        r"interrupt\w*", r"(?:concrete|specific|real|detailed|relevant|real~world|more) examples?",
        r"star (?:method|format|framework|technique|structure)", r"presentation skills?",
        r"(?:verbal|written|oral|speaking|writing|language|english|interpersonal|soft|people|listening) skills?",
        r"(?:" + LANGUAGE + r"|language) (?:proficiency|level|fluency|speaker|skills?|requirements?)",
        r"(?:lack of|no|limited|basic|fluent|native|business|conversational|poor|weak|good|strong|better|written|spoken|professional|broken)"
        r" (?:level )?(?:of )?" + LANGUAGE, r"(?:speak|speaks|spoke|speaking|write|writes|writing) (?:[\w-]+ )?" + LANGUAGE,
        r"(?:talk|talked|talking|talks|speak|spoke|speaking|speaks) over (?:people|others|me|us|the interviewers?|them|him|her|the panel)",
        r"storytelling|story~telling|jargon|waffl\w+|mumbl\w+|monotone", r"(?:your|his|her|my) " + LANGUAGE,
        r"stakeholder (?:skills|engagement|communication)", r"presented (?:very |really |quite )?(?:well|clearly|poorly|badly|confidently)", r"comms",
        r"read(?:ing)? (?:from|off) (?:your |his |her |my |the )?(?:notes|script|slides|screen|paper)",
        r"(?:let|letting|give|gave|allow\w*) (?:others|other people|anyone else|the others|people) (?:speak|talk|contribute)"
        r"|dominat\w+ (?:the )?(?:group |team )?(?:conversation|discussion|meeting|exercise)", r"sell (?:yourself|myself|himself|herself|themselves)|self~promotion",
        r"native (?:[\w-]+ )?speakers?", r"fluen(?:cy|t|tly)",
        r"(?:explain|express|convey) (?:yourself|himself|herself|themselves|myself|ideas|thoughts|reasoning)",
        r"explain\w* (?:[\w-]+ ){0,2}?(?:topics?|concepts?|ideas?|things|subjects?|matters)", r"over~explain\w*",
        r"(?:get|got|getting|gets|come|came|coming|straight) to the point",
        r"answer\w* (?:the |my |our |his |her |their |any |interview )?(?:[\w-]+ )?questions? (?:directly|clearly|concisely|succinctly|precisely|properly|fully|head~on)",
        r"(?:direct|straight|lengthy|long~winded|concise|succinct|one~word|short|brief|long|monosyllabic|rehearsed|scripted|canned|textbook"
        r"|generic|memori[sz]ed) (?:answers?|responses?)",
        r"(?:talk|talked|talking|talks|spoke|speak|speaks|speaking) (?:more |too |very |a bit |a little |much )?(?:slowly|slower|quickly|fast|faster|softly"
        r"|quietly|loudly|clearly|clearer|much|long)", r"accents?",
        r"structured? (?:your |my |the )?(?:answers?|responses?|thoughts)", r"(?:hard|difficult|easy) to (?:follow|understand)",
        r"(?:well|poorly|badly|clearly)~structured|unstructured|(?:lacked|lacking|lack of|more|better|clear|clearer|no) structure",
        r"(?:lacked|lacking|lack of|too much|too little|not enough|needed more|need more|more|without|much|enough|little|any|no) (?:much |enough |any |real |the )?detail(?:s|ed)?"
        r"(?! (?:feedback|information)| (?:about|regarding|on) (?:the |this |our |why )?(?:decision|feedback|process|next steps|reasons?|outcome))",
    ),
    "preparation": (
        r"(?:well~|un|under|ill~)?prepar(?:ed|ation|edness)", r"prepare",
        r"(?:did|do|done|doing) (?:your|any|enough|more|no|much|the|their|little) (?:research|homework)",
        r"research(?:ed)? (?:the |our |this )?(?:company|us|role|business|product|team|organi[sz]ation)",
        r"homework", r"caught off~guard", r"off~guard",
        r"(?:company|product|business) (?:knowledge|research)",
        # what the candidate knew of the employer: "didn't know much about us", "unsure what our product does"
        r"(?:knowledge|understanding|familiarity|awareness|grasp|idea|sense|picture) (?:of|about) (?:what |how |who |why )?" + EMPLOYER,
        r"(?:know|knew|known|knowing|understand\w*|understood|familiar\w*|unfamiliar|aware|awareness|unaware|grasp\w*|research\w*|read up"
        r"|knowledgeable|well~informed|informed|clued~up|ignorant"
        r"|read|sure|unsure|idea|clue|insights?) (?:much |little |anything |nothing |enough |more |very little |a lot |a thing |exactly |really"
        r" |the basics )?(?:about|of|with|on|into|up on|regarding) (?:what |how |who |why |where )?(?:exactly |actually )?" + EMPLOYER,
        r"(?:know|knew|known|knowing|understand\w*|understood|sure|unsure|idea|clue) (?:exactly |really )?(?:what|how|who|why|where)"
        r" (?:exactly |actually )?" + EMPLOYER,
        r"(?:know|knew|knows|understood|understand|understands|researched|confus\w+|mix\w* up|mixed up|(?:looked|look|looking) (?:at|into|up)) "
        + OWN_EMPLOYER,
        r"(?:ask|asked|asking|had|have|prepared|prepare) (?:any |enough |more |no |few |good |insightful |thoughtful |smart |many )?questions?"
        r" (?:for (?:us|the panel|them|me|the interviewers?)|to ask|about (?:the|our|us|this|their|its))",
        r"(?:name|list|describe|mention) (?:any |one |a single |all )?(?:of )?" + OWN_EMPLOYER,
        r"(?:tried|used|tested|downloaded|visited|checked out|explored|played with|heard of) " + OWN_EMPLOYER,
        r"(?:read|reviewed|studied|followed|follow|understood|understand|address\w*|ignored|missed) (?:the |our |your )?brief",
        r"how (?:well|much) (?:you|he|she|they) (?:know|knew|understand|understood) (?:the |our )?(?:[\w-]+ )?" + EMPLOYER_NOUN,
        r"(?:knew|know|knows|understood|understand) (?:the |our )(?:[\w-]+ )?" + EMPLOYER_NOUN + " (?:well|inside out|thoroughly|really well|very well|in depth)",
    ),
    "presence": (
        r"(?:self~|over|under)?confiden(?:ce|t|tly)", r"self~assured", r"self~doubt", r"nerv(?:ous|ousness|es)",
        r"anxious|anxiety", r"enthusias\w+", r"passion(?:ate)?", r"(?:un)?motivat\w+", r"energ(?:y|etic)", r"attitude",
        r"(?:arrogan\w+|cocky|rude(?:ness)?|disrespect\w*|unprofessional|dismissive|condescending)" + NOT_THEM, r"(?:un)?professionalism",
        r"assertive\w*|unassertive|gravitas|composure|composed|poise|poised|under pressure", r"ownership|accountability|bias for action|proactiv\w+|self~starter|work ethic|go~getter",
        r"g(?:ave|ive|iving|ives) up (?:too )?(?:easily|quickly|early|fast)|resilien\w+|perseverance|tenacity",
        r"punctual\w*", r"late (?:to|for) (?:the |our |your |an )?(?:interview|call|meeting)",
        r"(?:arrived|showed up|came|turned up|joined|logged on|running|ran|was|were) (?:\w+ ){0,2}?late(?! \d)",
        r"no~show", r"(?:n't|not|never|failed to) (?:show up|turn up|attend)", r"eye contact", r"body language", r"manners",
        r"(?:im)?polite(?:ness)?", r"demeanou?r", r"executive presence", r"(?:un|dis)interested",
        r"(?:lack(?:s|ed|ing)?|little|no|more|genuine|real|showed|show|expressed|express|demonstrated|demonstrate) (?:of )?"
        r"(?:interest|excitement|drive|eagerness|hunger|ambition|initiative|curiosity|commitment|spark|zeal)",
        r"eager(?:ness)?|hungry|ambitious|unenthusiastic|apathetic|indifferent|ego|egotistical|entitled",
        r"(?:spoke|talked|speak|talk|speaking|talking) (?:\w+ ){0,2}?(?:negatively|badly|poorly|critically|disparagingly) about"
        r"|(?:negative|disparaging|critical|bad) (?:\w+ ){0,3}?about (?:your|his|her|my|their) (?:current|previous|former|last|old|past) "
        r"(?:employers?|company|companies|managers?|boss(?:es)?|teams?|colleagues)|bad~mouth\w*|trash~talk\w*",
        r"(?:froze|freeze up|froze up|blanked|went blank|mind went blank|panicked|choked)",
        SPEAKER + r" (?:\w+ ){0,2}?(?:seemed|seem|appeared|sounded|came across as) (?:not |very |really |genuinely |truly |more |less )?(?:interested|engaged)",
        r"(?:not|n't|less|more|very|really|genuinely|truly|particularly|sufficiently|overly|that|seemed|seem|appeared|sounded) (?:very |really |that )?"
        r"interested in (?:the |this |our |a |an |working (?:here |for us |with us )?)?(?:[\w-]+ )?(?:role|position|job|company|opportunity|work|product"
        r"|us|salary|money|pay|title|mission|industry|field|perks|benefits|package|status)",
        r"(?:came|come|comes|coming) across (?:as )?(?:very |really |quite |so |a bit |a little |too |slightly |rather |extremely )?(?:professional"
        r"|warm|friendly|personable|likeable|likable|approachable|genuine|authentic|cold|distant|aloof|abrupt|dismissive|condescending|curt"
        r"|blunt|impatient|entitled|negative|positive|passive|pushy|intense|guarded|closed off|over the top|flat|bored|disinterested)",
        r"personable|likeable|likable|approachable|charismatic|charisma|aloof|abrasive|rapport",
        r"(?:very|really|extremely|highly|quite|so|most|consummate|completely|totally|always) professional(?! experience| background"
        r"| qualifications?| training| development| network| references?| services?)",
        r"(?:n't|not) know what (?:you|he|she|they|i) want(?:ed)?",
        r"why (?:you|he|she|they|i) left|why (?:you|he|she|they|i) (?:wants?|wanted|are|is|were|was|'re|'s) (?:to )?(?:leave|leaving|move|moving|change|changing|apply|applying|join"
        r"|joining|work|working)|reasons? for (?:leaving|moving|applying|wanting|changing)",
        r"(?:seemed|seem|appeared|looked|came across as|come across as) (?:\w+ ){0,2}?(?:distracted|bored|tired|disengaged|stressed|flustered|uncomfortable|defensive|aggressive|hesitant|unsure|cold|distant)",
        r"too (?:quiet|shy|reserved|timid|aggressive|pushy|casual|polished|slick|laid~back|relaxed|informal|intense|serious|formal|rehearsed|scripted|robotic|eager)",
        r"laid~back|quick to learn|quick learner|(?:eager|keen|willing|willingness|desire) to learn|curious|curiosity|coachable|teachable", r"shy|timid|introverted", r"defensive", r"humble|humility",
        r"dress|dressed|attire|outfit",
    ),
    "culture_fit": (
        r"cultur(?:e|al) (?:fit|add|match|alignment|misalignment|mismatch)", r"culturally",
        r"(?:team|company|organi[sz]ational|personality) (?:fit|dynamics?|clash)",
        r"fits? (?:right |perfectly |well |nicely |really well |straight )?(?:in with|in|into|with|within) (?:the |our |their |your |a |this )?(?:[\w-]+ ){0,2}?(?:team|culture|company|organi[sz]ation|group"
        r"|environment|business|workplace|setup|set~up)",
        r"fits? (?:the |our |their )?(?:[\w-]+ )?(?:vibe|culture|dynamic|ethos)", r"ethos",
        r"how (?:you|he|she|they|i) (?:would|will|might|could) (?:work|fit|cope|get on|gel|integrate|operate|collaborate|mesh|adapt)",
        r"(?:prefer\w*|like\w*|enjoy\w*|want\w*|used to) (?:to )?work(?:ing)? (?:alone|independently|on (?:your|his|her|my|their) own|solo|in isolation)",
        r"(?:gel|gell|gelled|click|clicked|mesh|meshed|bond|bonded|get on|got on|get along|got along) (?:well |better )?(?:with )?(?:you|your|"
        r"them|the team|us|the group|everyone|the others|colleagues|the people|the rest of the team)",
        r"(?:a |the |good |great |right |poor |bad |perfect )?fit (?:for|with) (?:our|the|their|this) (?:[\w-]+ ){0,2}?(?:culture|team|company|environment"
        r"|organi[sz]ation|values|ethos)",
        r"(?:happier|thrive|better suited|more comfortable|more at home|suit you better) (?:in |at |somewhere |elsewhere |with )?(?:[\w-]+ ){0,3}?"
        r"(?:structure|environment|company|organi[sz]ation|setting|culture|place)",
        r"(?:suited|fit|thrive|happier|more at home) (?:to|in|for|at) (?:a |an )?(?:[\w-]+ ){0,2}?(?:corporate|startup|start~up|agency|enterprise"
        r"|scale~up|consultancy)", r"ways? of working|(?:collaboration|collaborative|team~working) style|style of working",
        r"(?:team )?chemistry (?:with|between|in) (?:the |our )?(?:team|us|them|panel|group)|team chemistry",
        r"(?:brilliant|great|perfect|excellent|fantastic|valuable|wonderful|good) (?:addition |asset |fit )?(?:in|to|for|with|within) (?:the|our|your|their)"
        r" (?:[\w-]+ )?team",
        r"too (?:corporate|startup~?y|academic|process~driven|big~company|structured|unstructured|independent)",
        r"team~(?:oriented|focused|based|first)|collaborative (?:team|environment|culture|setup|set~up|approach|company)",
        r"fit (?:to|for) (?:join |joining )?(?:the |our |their |this )?team",
        r"(?:our|company|core|shared|team|company's|their|your|my|his|her) values", r"work(?:ing)? style", r"team player",
        r"(?:startup|corporate|fast~paced|fast~moving|agile) (?:environment|culture|mindset)",
    ),
    **CIRCUMSTANCE_CUES,
    "application_materials": (
        r"(?:grammar|grammatical|formatting|format|layout|length) (?:[\w-]+ ){0,3}?(?:in|on|of) (?:your |my |the |his |her )?" + MATERIAL,
        MATERIAL + r" (?:[\w'-]+ ){0,4}?(?:grammar|grammatical|formatting|format|layout|length|too long|too short|too generic|generic|typos?|mistakes?|errors?"
        r"|long|lengthy|wordy|dense|cluttered|busy|informal|casual|vague|hard to (?:read|follow|scan)|(?:badly|poorly) (?:formatted|laid out|written))",
        r"typos?", r"spelling(?: mistakes?| errors?)?", r"misspell\w*",
        r"(?:questions?|sections?|fields?|dates|information|details|keywords|contact details) (?:on|in|of|from) (?:the |your |my )?" + MATERIAL,
        r"(?:screening|application|supplementary|knockout) questions|ats",
        r"left (?:the |a |an |some |several )?(?:[\w-]+ )?(?:fields?|sections?|questions?|boxes) (?:blank|empty|unanswered)",
        r"(?:\w++(?:-\w++)? )?(?:fields?|sections?) (?:was |were |left )?(?:blank|empty|unanswered)",
        r"missing (?:[\w-]+ ){0,2}?(?:information|details|dates|contact|sections?|fields?)", r"(?:incomplete|unfinished) application", r"application (?:was |is )?(?:incomplete|missing)",
        r"(?:n't|not|failed to|forgot to) (?:include|attach|submit|provide|send) (?:a |an |your |my |the )?(?:[\w-]+ )?(?:" + MATERIAL_WORDS + r"|references|work samples?)",
    ),
}

# Where cues of two themes start at the same word, the theme listed first keeps the words.
CUE_ORDER = (
    "application_materials", "role_closed", "experience", "qualifications", "culture_fit", "communication",
    "preparation", "presence", "compensation", "logistics", "technical_skills",
)
# A cue of the key theme takes the words from an overlapping cue of the listed themes
# ("grammar mistakes in your CV" is about the CV; a "budget cut" closes a role).
TAKES_PRECEDENCE: dict[str, tuple[str, ...]] = {
    "application_materials": ("communication", "presence", "experience", "compensation"),
    "culture_fit": ("communication",),
    "role_closed": ("compensation",),
    "qualifications": ("experience", "technical_skills", "preparation"),
    "preparation": ("presence", "technical_skills"),
}
