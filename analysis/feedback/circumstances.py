"""The cues of the reasons outside the candidate's conduct: pay, logistics (location, visa,
availability), and a role that closed. Notation as in ``analysis.feedback.vocabulary``, which
joins these to the other themes' cues."""
from __future__ import annotations

from analysis.feedback.words import POSITION

CIRCUMSTANCE_CUES: dict[str, tuple[str, ...]] = {
    "compensation": (
        r"salary (?:expectations?|requirements?|range|band|budget)", r"salar(?:y|ies)", r"compensation", r"pay (?:band|range|scale|grade|rate|expectations?|requirements?|level|bracket)",
        r"(?:the|your|my|low|higher|lower|their) pay(?! attention)", r"wages?", r"(?:hourly|daily|day|contract) rates?",
        r"(?:financial|money|rate) expectations?",
        r"(?:over|above|outside|beyond|exceeds?|exceeded|out of|within) (?:of )?(?:our |the |their |my )?(?:budget|pay range|salary range|band)",
        r"(?:too )?expensive", r"cheaper", r"(?:more|too much|less) money", r"asking (?:for )?(?:too much|a lot)",
        r"(?:our|your|the|current|salary|compensation|remuneration|pay|benefits?|total|financial|offer) package", r"remunerat\w+|renumerat\w+",
        r"budget (?:for|of) (?:the |this |that )?" + POSITION, r"comp (?:expectations?|range|band|package|budget|level|requirements?)",
        r"(?:your|my|his|her|salary|pay) ask", r"bonus(?:es)?", r"total comp(?:ensation)?|base salary|ote|costly",
        r"[$£€]\s?\d[\d,.]*k?|\d+(?:[.,]\d+)?k", r"[$£€]", r"\d+\s?% (?:more|less|increase|raise|rise|higher|lower|above|below|uplift|bump|jump)",
        r"(?:pay|salary) (?:rise|increase|bump|jump|uplift)", r"paid|pay(?! attention| off| a visit| heed| tribute| close)",
        r"(?:more|higher|above|beyond|over) (?:than )?what (?:we|they|the client) (?:can|could|are able to|were able to) (?:offer|pay|afford)",
        r"(?:less|lower|more|higher) than (?:what )?(?:i|you|he|she|they) (?:asked|wanted|requested|expected|earn|earned|make|made|was asking"
        r"|were asking|are asking|am asking|were looking for|are looking for|was looking for)",
    ),
    "logistics": (
        r"locations?", r"relocat\w+", r"commut\w+", r"visas?", r"sponsor\w*", r"work (?:permit|authori[sz]ation|rights|eligibility)",
        r"right to work", r"citizen(?:ship)?", r"green card", r"h~1b", r"(?:security )?clearance", r"availability",
        r"(?:un)?available (?:only )?(?:for |on |at )?(?:until|till|before|from|to start|to work|to relocate|to travel|part~time|full~time"
        r"|weekends?|evenings?|nights?|shifts?|weekend shifts?|mornings?|travel|immediately|straight away|right away)", r"start date",
        r"(?:authori[sz]ed|eligible|allowed|permitted|entitled) to work", r"(?:only|just) (?:part|full)~time",
        r"(?:part|full)~time (?:only|hours|basis|availability)", r"(?:\d+|one|two|three|four|five|six) days (?:a|per|each|every) week",
        r"(?:can|could) only start", r"(?:start|starting|join|joining|available) (?:until|before|after|in|from|by) (?:january|february|march|april|may|june"
        r"|july|august|september|october|november|december|next|the new year|the end of|mid|early|late)", r"start (?:in|within|after) (?:\d+|one|two|three|four|five|six|a few|several) (?:weeks?|months?)",
        r"flexible (?:working|hours)|flexi~time|(?:\d|three|four)~day (?:weeks?|work weeks?)|job~share|compressed hours",
        r"work(?:ing)? from home|wfh|home~based|home working|own (?:car|vehicle|transport)|shift (?:patterns?|rotas?|schedules?|hours)|rotas?",
        r"(?:need|needed|needs|have|had|required|willing|unwilling|happy|prepared|want\w*) to move (?:to|closer to)"
        r"(?! (?:the |a )?(?:next|final|second|third|first|another|forward))", r"local to", r"(?:someone|somebody|candidates?|people|applicants?|talent) (?:more |who (?:is|are|was|were) )?local",
        r"(?:start|starting|join|joining) (?:sooner|earlier|immediately|right away|straight away|asap|later|next week|next month)",
        r"(?:can|could|able to) start", r"notice period",
        r"(?:working|work|office|flexible|evening|weekend|night|business) hours", r"hours (?:of work|required)",
        r"(?:night|weekend|evening) shifts?", r"shift work", r"time~zones?", r"too far", r"distance from",
        r"local (?:candidates?|applicants?|talent|hires?|person|people|residents?)",
        r"(?:fully |100% )?remote(?:ly)?(?= (?:work|working|option|only|first|policy|setup|arrangement))",
        r"(?:work|working|be|being|fully|want|wanted|prefer\w*|requir\w+|request\w*|needed|only|for) (?:\w+ )?remote(?:ly)?",
        r"hybrid (?:role|work|working|schedule|model|arrangement|position)", r"in-office", r"office~based",
        r"(?:days|work|working|be|being|come|coming) (?:in|into|from|at) (?:the |our |an? )?(?:\w+ )?office", r"return to (?:the )?office",
        r"overnight (?:stays?|travel|trips?|work)|stay overnight|nights away|time away from home",
        r"already (?:based|located|living|lives|resident) (?:in|near|locally)|(?:currently|already) (?:lives?|living|based) (?:abroad|overseas)",
        r"on~site (?:work|requirement|role|position|presence|days?|only)", r"(?:fully|100%|always|strictly) on~site", r"(?:work|working|be|being|come|coming) on~site",
        r"(?:work|working|do|doing) (?:on )?(?:weekends|nights|evenings|shifts|saturdays|sundays|bank holidays|public holidays|overtime|lates|earlies)",
        r"overtime|on~call|call~outs?|(?:full|required|contracted|fixed|long|unsociable|antisocial|core) hours",
        r"(?:immediate|earlier|later|quick|quicker|sooner|early|late|asap|monday|tuesday|wednesday|thursday|friday|january|february|march|april"
        r"|june|july|august|september|october|november|december) start(?! to)",
        r"(?:candidates?|someone|somebody|people|applicants?) (?:who (?:are|is|live) )?(?:based|located|living) (?:in|near|within|closer)",
        r"travel (?:requirements?|required)", r"willing to travel", r"schedul\w+ conflicts?",
    ),
    "role_closed": (
        r"(?:has|have|had) been filled", r"(?:was|were|is|got|been) (?:\w+ )?filled", r"filled (?:internally|the (?:position|role|vacancy))",
        r"(?:we|they) (?:have |'ve )?filled",
        POSITION + r"s? (?:has been |have been |had been |was |were |is |is now |got |has |have |had |being |is being |will be )?(?:simply |just |now |since |unfortunately"
        r" |recently |officially |ultimately |sadly |temporarily |indefinitely )?(?:closed|cancel+(?:ed)?|removed|withdrawn|eliminated|frozen|paused|pulled"
        r"|on hold|put on hold|placed on hold|on pause|put on pause|placed on pause|discontinued|expired|on ice|put on ice|shelved|scrapped|axed|deprioriti[sz]ed|postponed|suspended"
        r"|re~scoped|no longer needed|dropped)",
        r"(?:shelve|shelved|scrap|scrapped|axe|axed|postpone|postponed|suspend|suspended) (?:the |this |that |our )?" + POSITION,
        r"(?:paused|pause|pausing|froze|freeze|freezing|stopped|stop|stopping|halted|halt|suspended|suspend|cut|cutting|reduced|reducing|slowed"
        r"|slowing|frozen) (?:(?:all|our|new|any|external|their|its) ){0,2}(?:hiring|recruitment|recruiting|headcount)",
        r"(?:colleague|employee|team member|member of staff|someone|somebody|person|candidate) from (?:another|a different|other|within|inside)"
        r" (?:department|team|division|office|part of the business|business unit|group)", r"merger|acquired by|(?:company|business) (?:was |has been |is being |being )?(?:acquired|sold)|outsourc\w+|offshor\w+",
        r"(?:close|closed|cancel|cancel+ed|remove|removed|eliminate|eliminated|freeze|froze|frozen|pause|paused|pull|pulled|put on hold) (?:the |this |that |our )?" + POSITION,
        r"no longer (?:available|open|accepting|hiring|recruiting|looking|needs?|needed|exists?)",
        r"(?:former|returning) (?:employee|colleague|team member|member of staff)|boomerang",
        r"(?:hiring|recruitment|recruiting|headcount|budget) (?:freeze|frozen|pause|paused|on hold|stopped|cuts?|reductions?)", r"freez(?:e|es|ing)",
        r"internal(?:ly)? (?:hire|hired|candidates?|applicants?|promotion|transfer|move|person|employee)",
        r"(?:keep|kept|keeping|hired|filled|fill|filling|promoted|promote|promoting|went|go|gone|hire|hiring|chose|chosen|appoint\w*|recruit\w*|source\w*"
        r"|look\w*) (?:\w+ ){0,2}?(?:internal(?:ly)?|from within|in~house)",
        r"in~house (?:hire|candidates?|applicants?|person|employee)", r"(?:existing|current) (?:employees?|staff(?: members?)?|team members?"
        r"|colleagues?|members? of (?:the )?(?:staff|team))",
        r"(?:someone|somebody|person|candidate|people) (?:from )?(?:inside|within) (?:the |our |their )?(?:company|organi[sz]ation|business|firm|team)",
        r"(?:someone|somebody|person|candidate|people) who already (?:works|worked|work) (?:here|there|for us|with us|for them|in the team|at the company"
        r"|in the business)",
        r"(?:someone|somebody|person|candidate|people) (?:who (?:was|is|were|are) )?already (?:working|employed|on the team|in the team|at the company"
        r"|with us|with the company|there|here)",
        r"(?:decided|chose|opted|decision) (?:[\w-]+ ){0,3}?(?:not to|to not|against|not) (?:fill\w*|hir\w+|recruit\w*|open\w*|go ahead with (?:the |this )?"
        r"(?:hire|hiring|recruitment|vacancy|requisition))(?! you| him| her| me| them)",
        r"(?:not|n't|never) (?:be |being |been )filled", r"(?:not|n't|no longer) (?:going to |planning to |looking to )?fill(?:ing)? (?:the|this|that|our) " + POSITION,
        r"(?:not|n't|no longer) need (?:another|an additional|an extra|a new|extra|additional|more) (?:[\w-]+ )?(?:person|people|hires?|team members?"
        r"|members?|headcount|staff|employees?|engineers?|developers?|roles?)",
        r"(?:not|n't|stopped) (?:be )?(?:hiring|recruiting) for", r"reorgani[sz]ation|reorg|restructur\w+|lay~offs?|downsiz\w+",
        r"(?:budget|funding|headcount) (?:[\w-]+ ){0,4}?(?:was |has been |had been |got )?(?:cut|pulled|lost|frozen|reduced|reallocated|removed|withdrawn"
        r"|fell through|falls through|fallen through|ran out|run out|dried up|not approved|denied|delayed|postponed|paused|on hold)",
        r"pending (?:budget|headcount|funding|approval|sign~off)|(?:budget|headcount|funding) (?:approval|sign~off)|awaiting (?:budget|approval|sign~off)",
        r"(?:moved|relocated|moving|shifted|transferred|outsourced) (?:the |this |that )?" + POSITION + r" (?:to|abroad|offshore|overseas)",
        r"(?:no|n't have|not have|no longer have|without|lack of|lost|n't got|not got) (?:the |any |a |enough )?(?:budget|funding|headcount)"
        r"(?: (?:for|to) (?:this |the |that |a |an )?(?:role|position|hire|hiring|vacancy|headcount|fill|recruit|continue|proceed|open)\w*"
        r"|(?: left| remaining)?(?: any ?more| at the moment| right now| this year| this quarter| left| remaining))",
        r"(?:bad|wrong|poor|unfortunate) timing|timing (?:is|was|isn't|wasn't) (?:not )?(?:right|wrong|off)",
        r"from within (?:the |our |their )?(?:organi[sz]ation|company|business|firm|group|department|team|ranks)",
        r"(?:hold|holding|held) off|(?:put|placed|putting|is|are|was|were) (?:all |the |our |its |their )?(?:hiring|recruitment|recruiting|" + POSITION[3:-1]
        + r"|search|process) on (?:hold|pause|ice)", r"promot\w+ (?:someone|somebody|a colleague|an employee|a team member|one of)", r"lost (?:the |our )?(?:budget|funding)",
        r"no intention (?:of|to) (?:hire|hiring|fill)", POSITION + r" (?:no longer exists|was eliminated|was removed)",
    ),
}
