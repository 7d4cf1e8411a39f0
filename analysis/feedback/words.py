"""Word lists and phrase frames shared by the theme cues: technologies, exercises, application
materials, the employer and the job, languages. Notation as in ``analysis.feedback.vocabulary``."""
from __future__ import annotations

# Words that cannot sit between a qualifier and its noun ("more about your experience").
FUNCTION_WORD = r"(?:about|of|with|your|my|his|her|their|our|the|a|an|in|for|and|or|to|on|at|as|that|this|which|who|you|we|i)"
MODIFIER = r"(?:(?!" + FUNCTION_WORD + r"\b)[\w-]+ )"

TECH_WORDS = (
    r"python|java|javascript|js|typescript|c\+\+|c#|\.net|golang|ruby|rails|php|perl|scala|kotlin|sql|nosql"
    r"|html5?|css3?|react(?:\.?js)?|angular(?:js)?|vue(?:\.?js)?|node(?:\.?js)?|django|spring boot|aws|azure|gcp"
    r"|docker|kubernetes|terraform|linux|git|excel|tableau|power bi|salesforce|spark|hadoop|kafka|tensorflow"
    r"|pytorch|machine learning|deep learning|statistics|matlab|bash|graphql|microservices|devops|ci/cd"
    r"|front~end|back~end|full~stack|ui|ux|ios|android|frameworks?|apis?|cloud|autocad|figma|photoshop|seo"
    r"|data analysis|data modell?ing|distributed systems|object~oriented|oop|unit tests?|test cases?"
    r"|algorithms?|algorithmic|data structures?|edge~cases?|big~o|(?:time|space) complexity|system design"
    r"|debugging|clean code|code quality|programming|semi~colons?|math|maths|mathematics|trade~offs?"
    r"|architecture|infrastructure|databases?|queries|sql joins?|(?:inner|outer|left|right) joins?|indexing|recursion"
    r"|linked lists?|binary (?:search )?trees?|hash ?(?:maps?|tables?)|dynamic programming|regex|regular expressions"
    r"|concurrency|multi~threading|caching|scripting|financial modell?ing|(?:financial|statistical|quantitative) analysis|(?:good|sound|poor|bad|better|great) judge?ment|pivot tables?|vlookups?|accounting|bookkeeping"
)
TECH = "(?:" + TECH_WORDS + ")"
ROLE_NOUN = r"(?:developers?|engineers?|programmers?|architects?|analysts?|designers?|roles?|positions?|jobs?|openings?|teams?)"
# A technology named in a job title ("Front-End Engineer role") is not feedback.
NOT_IN_TITLE = r"(?!(?:[\s/]+[\w-]+){0,2}[\s/]+" + ROLE_NOUN + r"\b)"
# Kinds of exercise that test skills ("the data challenge", "the written exercise").
EXERCISE = r"(?:group|data|analytics|sql|excel|modell?ing|practical|written|work~sample|in~tray|e~tray|case|product|pair~programming)"
ASSESSMENT = (
    r"(?: phone| video| on~site| online)? (?:interviews?|screens?|screenings?|tests?|exams?|assessments?"
    r"|challenges?|exercises?|questions?|problems?|rounds?|tasks?|assignments?|quiz(?:zes)?|projects?)"
)
MATERIAL_WORDS = (
    r"r[eé]sum[eé]s?|cvs?|cover(?:ing)? letters?|application forms?|portfolios?|writing samples?"
    r"|linkedin(?: profile)?|github(?: profile)?|personal statement|motivation letter|cover(?:ing)? (?:note|e~?mail|message)"
    r"|references?(?! (?:number|to|point|code|id))|referees?"
)
MATERIAL = "(?:" + MATERIAL_WORDS + ")"
# What a prepared candidate knows: the employer and the job ("our product", "the role").
EMPLOYER_NOUN = (
    r"(?:company|companies|products?|platform|business|role|position|job|organi[sz]ation|mission|industry|market|clients?"
    r"|customers?|services|brand|offerings?|website|competitors?|strategy|sector|firm|app|(?:business|pricing|operating|revenue) model"
    r"|pricing|roadmap|vision|history|plans|funding|news|results|campaigns?)"
)
EMPLOYER = r"(?:us|(?:our|the|this|their|its|your|there) (?:[\w-]+ )?" + EMPLOYER_NOUN + ")"
OWN_EMPLOYER = r"(?:us|(?:our|their|its|your|there) (?:[\w-]+ )?" + EMPLOYER_NOUN + ")"
POSITION = r"(?:position|role|job|vacancy|opening|posting|requisition|req|search|headcount|opportunity)"
EXPERIENCE_QUALIFIER = (
    r"(?:more|enough|sufficient|much|little|limited|insufficient|relevant|direct|prior|previous|professional"
    r"|commercial|industry|hands~on|practical|real~world|production|leadership|management|managerial|senior"
    r"|extensive|solid|strong|impressive|deep|broad|specific|required|necessary|adequate|proven|significant"
    r"|substantial|(?:lack|lacks|lacked|lacking) (?:of|in)|lacks|lacked|lacking|lack|without|no|any|years of"
    r"|deeper|broader|wider|greater|richer|further|additional|recent|first~hand|(?:people|line|team) management"
    r"|need|needs|needed|require|requires|required|want|wants|wanted|gain|gained|get|build|missing|(?:depth|breadth|level|amount|type|kind) of"
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\+? (?:or more )?years?'?(?: of)?)"
)
SPEAKER = r"(?:i|you|he|she|candidate)"
# A manner word that describes the employer's people, not the candidate ("rude interviewer").
NOT_THEM = r"(?! (?:interviewers?|recruiters?|hiring managers?|hr|panel|people|staff|company|process|team))"
LANGUAGE = (
    r"(?:english|german|french|spanish|dutch|italian|portuguese|mandarin|chinese|cantonese|japanese|korean|arabic|russian"
    r"|polish|hindi|swedish|danish|norwegian|finnish|welsh|turkish|greek|hebrew)"
)
# A word that is no verb or intensifier: a topic's own words ("your experience with retail operations").
PLAIN_WORD = r"(?!(?:is|was|were|are|has|had|have|really|very|seemed|seems|looked|felt|stood|stands))[\w-]+"
