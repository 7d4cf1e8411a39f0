"""How feedback judges: evaluative words, negations, courtesies, clause structure, the words
of a rejection, and the typos worth correcting. Same notation as ``analysis.feedback.vocabulary``."""
from __future__ import annotations

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
    r"|elegant|neat|clean|robust|efficient|spot on|well done|nailed|stood out|stand out|stands out|standout|top~notch|first~rate|enjoyed|engaging"
    r"|aced|top marks|full marks|flying colou?rs"
    r"|well~(?:tested|documented|designed|reasoned|executed|argued|laid out|judged)|one of the (?:best|strongest|most \w+)|exactly what we (?:need|want|are looking for)|beautiful(?:ly)?|glowing"
    r"|align(?:s|ed)? well|well~aligned|(?:a )?(?:big |real |huge )?plus|(?:came|comes|shone|shines|shine) through|the best (?:\w+ )?we"
    r"|well(?=\s*(?:[.,;!?]|$))(?<!as\swell)|clearly|fine(?! print| details?)|eager(?:ness)?|hungry"
)
NEGATIVE_WORDS = (
    r"poor(?:ly)?|weak(?:er|ness|nesses)?|bad(?:ly)?|lack(?:s|ed|ing)?|limited|insufficient(?:ly)?|inadequate(?:ly)?"
    r"|lackluster|lacklustre|mediocre|sub~par|below (?:the |our )?(?:bar|par|expectations|standard|level|threshold|pass~mark|cut~off|benchmark|mark|requirements?)"
    r"|missed (?:the |our )?(?:cut~off|pass~mark|mark|bar|threshold)|(?:fell|falls|fall) short"
    r"|short of|fail(?:s|ed|ing|ure)?|struggl\w+|concerns?|concerned|worr(?:y|ied|ies)|issues?|doubts?|missing|unclear"
    r"|vague|unable|mistakes?|errors?|typos?|wrong|incorrect(?:ly)?|inaccura\w+|sloppy|messy|empty|incomplete|unfinished|low|needs? (?:to )?(?:improve|improvement|work)(?! permit| visa| authori[sz]ation| rights)"
    r"|(?:not|n't) able to"
    r"|improv(?:e|ed|ement|ements)|(?:could|should|would|needs? to|needed to|ought to) (?:have )?(?:be |been )?(?:\w+ )?(?:better|clearer|stronger)|gaps?|nervous|anxious|unprepared"
    r"|underprepared|arrogant|cocky|rude|unprofessional|disinterested|uninterested|unmotivated|rambl\w+|disorgani[sz]ed"
    r"|unstructured|inexperienced|overconfident|hesitant|distracted|late|bombed|messed up|underwhelming|disappointing"
    r"|confusing|confused|difficult|hard time|not up to|blank|undersold|undersell\w*|oversold|oversell\w*|overstated|understated"
    r"|hard to|put off|froze|frozen up|blanked|went blank|panick?\w*|lukewarm|unenthusiastic|apathetic|shallow|superficial|basic"
    r"|all over the place|out of line|unrealistic|rehearsed|scripted|canned|robotic|inconsisten\w+|discrepanc\w+|reservations?|below (?:our|the) (?:benchmark|mark|requirements?)"
)
# Shortfall words judge a cue ("more experience", "too junior") but say nothing on their own.
SHORTFALL_WORDS = (
    r"only (?:had|has|have|showed|shows|show|included|includes|listed|lists|contains?|contained|mentions?|mentioned|covers?|covered)"
    r"|too much|too many|too little|not much|not many|very little|too|more(?! closely)|less|fewer|lower|higher|stronger|deeper|broader"
    r"|(?:\d+|two|three|four|five|six|seven|eight|ten)\+? (?:or more )?(?:years|yrs)"
    r"|(?:require[sd]?|requiring|must (?:have|hold)|(?:need|needs|needed|want|wants|wanted|looking for) (?:someone|somebody|a candidate|candidates|people))"
)
NEGATORS = r"not|no|never|nor|without|none|neither|hardly|barely|cannot|n't"

# Courtesy, figures of speech and talk about other applicants: evaluative words here judge nobody.
NON_JUDGEMENTS = (
    r"(?:it was|it's|it is|became|become|made it|make it|to be) clear|thank(?:s| you)\w*(?: (?:so|very) much)?|(?:great|nice|good|lovely|a pleasure|pleasure) (?:to |meeting |speaking |talking |getting )(?:\w+ ){0,2}?(?:you|with you)"
    r"|best of luck|wish you (?:\w+ ){0,3}?(?:well|luck|success|best)|all the best|best wishes|(?:best|kind|warm) regards"
    r"|appreciate(?:d)? (?:your|the) (?:time|interest|patience|effort)|encourage you to"
    r"|enjoyed (?:meeting|speaking (?:to|with)|talking (?:to|with)|getting to know|chatting (?:to|with)|having) you"
    r"|(?:great|strong|many|several|large|high) (?:number|volume|pool) of|how (?:you|he|she|they|i) (?:would|will|might|could) fit(?: in)?"
    r"|(?:other|many|several|number of|pool of) (?:very |highly |extremely |exceptionally )?(?:strong|qualified|talented|great|excellent|impressive|solid|good) (?:candidates?|applicants?|people|profiles?)"
)

# Clause structure. A concessive clause ("while your record is impressive, ...") runs to the next
# comma or break and backgrounds its praise.
CONCESSIVE = r"while|whilst|although|though|even though|despite|in spite of|notwithstanding|albeit"
_CONTRAST = r"(?:but|however|yet|whereas|otherwise|except)\b"
CLAUSE_BREAK = r"[.!?;:]+(?=\s|$)|\n|\s-+\s|,\s*" + _CONTRAST + r"|\s" + _CONTRAST + r"|,(?=\s*(?:less so|not so much)\b)"

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
    r"|(?:another|a different|other) direction|(?:heard|hear) nothing|(?:not|n't) (?:be )?continu\w+|no reasons?|(?:never|didn't|did not) get back"
    r"|pass (?:this time|on this occasion|for now)|runner~up|(?:not|n't) (?:be )?taking (?:your application|it|this|you) (?:any )?further"
    r"|keep your (?:details|cv|resume|application) on file|(?:only|unable to) (?:able to )?contact shortlisted|not what we(?:'re| are) looking for"
    r"|(?:better|closer|stronger) (?:match|fit)|stopped (?:replying|responding)|(?:went|gone|going) with (?:a|an|another|someone|somebody)"
    r"|(?:n't|not) (?:\w+ ){0,5}?(?:match|fit)(?!\w)|not (?:been )?(?:successful|shortlisted|selected)|closing date"
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
    "english", "assessment", "relevant", "presentation", "portfolio", "culture", "professional", "communicator",
    "programming", "enough", "management", "remuneration", "requirements", "understanding", "research",
)
# Real words one letter away from a target: never "corrected".
NOT_TYPOS = (
    "expedience", "revocation", "reparation", "vocation", "locution", "elocation", "positron", "dejected",
    "readership", "infernally", "confidant", "communization", "commensation", "vulture",
)
# Negative contractions typed without the apostrophe ("didnt"), read as written properly.
CONTRACTIONS = {
    word: word[:-1] + "'t" for word in (
        "didnt", "dont", "doesnt", "wasnt", "werent", "isnt", "arent", "hasnt", "havent", "hadnt", "couldnt",
        "wouldnt", "shouldnt", "cant", "wont", "mustnt", "neednt",
    )
}
