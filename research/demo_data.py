"""The research demo's content: six conditions, the evidence guide's text, the seed article and
the sample studies. research/demo.py loads it.

The seed article reproduces a real page word for word, with the real study's citation. The
sample studies are invented to give lists, filters and pagination something to show: each is
marked as sample content and carries a DOI under 10.5555, the prefix reserved for examples.
"""

from research.evidence import EvidenceStrength
from research.models import StudyDesign

CONDITIONS = [
    (
        "migraines",
        "Migraines",
        "Migraine is a recurring headache disorder, often with nausea and sensitivity to light and sound.",
    ),
    (
        "low-back-pain",
        "Low back pain",
        "Low back pain is one of the most common reasons people see a clinician, and often returns.",
    ),
    (
        "knee-osteoarthritis",
        "Knee osteoarthritis",
        "Knee osteoarthritis wears the cartilage of the joint, causing pain and stiffness.",
    ),
    (
        "anxiety",
        "Anxiety",
        "Anxiety disorders bring persistent worry and physical tension that get in the way of daily life.",
    ),
    (
        "insomnia",
        "Insomnia",
        "Insomnia means trouble falling or staying asleep, with tiredness the next day.",
    ),
    (
        "chemotherapy-induced-nausea",
        "Chemotherapy-induced nausea",
        "Nausea and vomiting are common side effects of many cancer treatments.",
    ),
]

EVIDENCE_GUIDE_INTRO = (
    "<p>Every summary in the library carries a label saying how much weight its evidence can "
    "bear. We look at how the study was done, how many people or studies it covers, and whether "
    "other research agrees. The label rates the evidence, not the treatment: a strong rating "
    "means we can be confident in what the research found, whichever way it points.</p>"
)
EVIDENCE_GUIDE_CLOSING = (
    "<p>A single study rarely settles a question. When you read a summary, look at the "
    "limitations section too, and talk to a qualified clinician before changing your care.</p>"
)

SEED_ARTICLE = {
    "title": "Imaging the brain and vascular reactions to headache treatments: a systematic review",
    "slug": "imaging-brain-vascular-reactions-headache-treatments",
    "journal": "The Journal of Headache and Pain",
    "publication_year": 2023,
    "publication_month": 5,
    "publication_day": 24,
    "authors": ["R Messina", "R H Christensen", "I Cetta", "M Ashina", "M Filippi"],
    "doi": "10.1186/s10194-023-01590-5",
    "pubmed_id": "37221469",
    "volume": "24",
    "issue": "1",
    "pages": "58",
    "source_url": "https://thejournalofheadacheandpain.biomedcentral.com/articles/10.1186/s10194-023-01590-5",
    "study_design": StudyDesign.SYSTEMATIC_REVIEW,
    "number_of_studies": 63,
    "evidence_strength": EvidenceStrength.EMERGING,
    "tags": ["fMRI", "neuroimaging", "neuromodulation", "headache"],
    "finding": (
        "Neuroimaging evidence suggests acupuncture may reduce migraine by reverting abnormal "
        "pain-processing activity in headache-affected brain regions, supporting a central "
        "neuromodulatory mechanism of action."
    ),
    "explainer_heading": (
        "What Happens in Your Brain During a Headache — and How Treatments Like Acupuncture Help"
    ),
    "explainer": [
        "If you've ever wondered what's actually happening inside your brain during a migraine, "
        "scientists have been working hard to find out. A new systematic review published in The "
        "Journal of Headache and Pain looked at 63 brain imaging studies to understand how "
        "different headache treatments — both medication and non-drug approaches — affect the "
        "brain and blood vessels.",
        "Researchers reviewed studies using advanced brain scanning techniques, including "
        "functional MRI, to observe how treatments change brain activity in people with "
        "migraines, cluster headaches, and medication overuse headaches.",
        "Here's what they found: Acupuncture showed promising results. The imaging evidence "
        "suggests that acupuncture may help relieve migraines by actually reversing abnormal "
        'pain-processing patterns in the brain — meaning it may help "reset" the areas of the '
        "brain that become overactive during headaches. This same brain-normalizing effect was "
        "also seen with certain nerve stimulation therapies and when patients stopped overusing "
        "pain medications.",
        "For common migraine medications called triptans, the research suggests they may cross "
        "the blood-brain barrier to some degree, but may not significantly change blood flow "
        "inside the brain — giving researchers new clues about how they work.",
        "What this means for you: If you suffer from migraines or chronic headaches and want a "
        "drug-free option, acupuncture has emerging scientific support for actually changing how "
        "your brain processes pain — not just masking symptoms. It's a meaningful finding for "
        "anyone exploring natural headache management.",
        "To get the best results, always seek care from a licensed, board-certified "
        "acupuncturist with experience treating headache conditions.",
    ],
    "practitioner_notes": [
        "This systematic review (The Journal of Headache and Pain) analyzed 63 neuroimaging "
        "studies examining central and vascular mechanisms of headache treatments across "
        "migraine (n=54 studies), cluster headache (n=4), and medication overuse headache (n=5) "
        "populations. Modalities included fMRI (n=33), molecular imaging (n=14), structural MRI "
        "(n=11), arterial spin labeling (n=3), MR spectroscopy (n=3), and MR angiography (n=2).",
        "Key findings relevant to acupuncture practice: Acupuncture in migraine patients "
        "demonstrated neuroimaging evidence of reverting headache-affected pain processing brain "
        "regions, paralleling effects seen with neuromodulation and medication withdrawal in MOH "
        "patients. Triptans appear to cross the blood-brain barrier to a limited degree without "
        "significantly altering intracranial cerebral blood flow.",
    ],
    "limitations": [
        "Limitations include heterogeneous study designs, small sample sizes, and inconsistent "
        "statistical methodology, precluding definitive conclusions. No reliable imaging-based "
        "predictors of treatment efficacy were identified. Clinical takeaway: Acupuncture's "
        "mechanism in migraine management may involve central pain network normalization, "
        "supporting its use as a viable non-pharmacological intervention warranting further "
        "well-powered investigation.",
        "The honest takeaway? While the findings are encouraging, researchers noted that most "
        "individual studies were small and used different methods, making firm conclusions "
        "difficult. More high-quality research is still needed.",
    ],
}

# (condition slug, title, design, year, month, authors, studies, participants, strength, tags, finding)
SAMPLE_STUDIES = [
    (
        "migraines",
        "Acupuncture versus sham for episodic migraine prevention: a sample randomised trial",
        StudyDesign.RCT,
        2024,
        3,
        7,
        None,
        150,
        EvidenceStrength.MODERATE,
        ["prevention", "sham control"],
        "People who had 20 sessions of acupuncture reported fewer migraine days than those given sham needling.",
    ),
    (
        "migraines",
        "Acupuncture for migraine prophylaxis: a sample meta-analysis",
        StudyDesign.META_ANALYSIS,
        2022,
        9,
        4,
        22,
        4985,
        EvidenceStrength.STRONG,
        ["prevention", "meta-analysis"],
        "Across 22 trials, acupuncture reduced headache frequency about as much as preventive drugs, with fewer side effects.",
    ),
    (
        "migraines",
        "Resting-state connectivity after a course of acupuncture in migraine: a sample imaging study",
        StudyDesign.IMAGING,
        2021,
        6,
        9,
        None,
        48,
        EvidenceStrength.EMERGING,
        ["fMRI", "neuroimaging"],
        "Brain scans showed calmer connections in pain networks after eight weeks of acupuncture.",
    ),
    (
        "migraines",
        "Long-term headache outcomes in an acupuncture clinic: a sample cohort",
        StudyDesign.COHORT,
        2019,
        11,
        3,
        None,
        820,
        EvidenceStrength.LIMITED,
        ["long-term outcomes"],
        "Patients who completed a course of acupuncture still reported fewer headaches a year later.",
    ),
    (
        "low-back-pain",
        "Acupuncture for chronic low back pain: a sample systematic review",
        StudyDesign.SYSTEMATIC_REVIEW,
        2024,
        1,
        6,
        33,
        8270,
        EvidenceStrength.MODERATE,
        ["chronic pain", "systematic review"],
        "Acupuncture eased chronic low back pain a little more than usual care in the short term.",
    ),
    (
        "low-back-pain",
        "Electroacupuncture added to physiotherapy for low back pain: a sample trial",
        StudyDesign.RCT,
        2023,
        8,
        12,
        None,
        210,
        EvidenceStrength.MODERATE,
        ["electroacupuncture", "physiotherapy"],
        "Adding electroacupuncture to physiotherapy improved movement and pain scores after six weeks.",
    ),
    (
        "low-back-pain",
        "Acupuncture during pregnancy-related back pain: a sample case series",
        StudyDesign.CASE_SERIES,
        2020,
        4,
        2,
        None,
        24,
        EvidenceStrength.INSUFFICIENT,
        ["pregnancy"],
        "Most of the 24 women described less back pain after treatment, but the series had no comparison group.",
    ),
    (
        "low-back-pain",
        "Work absence after acupuncture for acute back pain: a sample cohort",
        StudyDesign.COHORT,
        2018,
        2,
        5,
        None,
        1340,
        EvidenceStrength.LIMITED,
        ["acute pain", "work"],
        "People treated with acupuncture returned to work slightly sooner than those who were not.",
    ),
    (
        "knee-osteoarthritis",
        "Acupuncture for knee osteoarthritis pain: a sample randomised trial",
        StudyDesign.RCT,
        2024,
        6,
        8,
        None,
        480,
        EvidenceStrength.MODERATE,
        ["osteoarthritis", "function"],
        "Acupuncture reduced knee pain and improved walking compared with waiting for treatment.",
    ),
    (
        "knee-osteoarthritis",
        "Electroacupuncture and knee function in older adults: a sample meta-analysis",
        StudyDesign.META_ANALYSIS,
        2023,
        2,
        5,
        14,
        1620,
        EvidenceStrength.MODERATE,
        ["electroacupuncture", "older adults"],
        "Electroacupuncture improved knee function scores across 14 small trials.",
    ),
    (
        "knee-osteoarthritis",
        "Cartilage imaging after acupuncture for knee osteoarthritis: a sample imaging study",
        StudyDesign.IMAGING,
        2021,
        10,
        6,
        None,
        36,
        EvidenceStrength.INSUFFICIENT,
        ["MRI", "cartilage"],
        "MRI showed no change in cartilage after treatment, though pain scores fell.",
    ),
    (
        "knee-osteoarthritis",
        "Acupuncture before knee replacement surgery: a sample case series",
        StudyDesign.CASE_SERIES,
        2019,
        7,
        3,
        None,
        18,
        EvidenceStrength.INSUFFICIENT,
        ["surgery"],
        "Patients awaiting surgery reported easier sleep and less pain during a course of acupuncture.",
    ),
    (
        "anxiety",
        "Acupuncture for generalised anxiety disorder: a sample randomised trial",
        StudyDesign.RCT,
        2024,
        10,
        10,
        None,
        96,
        EvidenceStrength.EMERGING,
        ["generalised anxiety", "mental health"],
        "Anxiety scores fell further with acupuncture than with sham treatment over ten weeks.",
    ),
    (
        "anxiety",
        "Acupuncture for preoperative anxiety: a sample meta-analysis",
        StudyDesign.META_ANALYSIS,
        2022,
        5,
        4,
        12,
        1015,
        EvidenceStrength.MODERATE,
        ["surgery", "mental health"],
        "Acupuncture before surgery lowered anxiety about as much as common sedative medicines.",
    ),
    (
        "anxiety",
        "Heart-rate variability during auricular acupuncture: a sample cohort",
        StudyDesign.COHORT,
        2020,
        12,
        3,
        None,
        140,
        EvidenceStrength.LIMITED,
        ["auricular acupuncture", "heart-rate variability"],
        "Heart-rate variability, a marker of relaxation, rose during ear acupuncture sessions.",
    ),
    (
        "anxiety",
        "Amygdala activity and acupuncture in anxiety: a sample imaging study",
        StudyDesign.IMAGING,
        2023,
        4,
        11,
        None,
        40,
        EvidenceStrength.EMERGING,
        ["fMRI", "neuroimaging", "amygdala"],
        "Activity in the brain's alarm centre, the amygdala, was lower after a course of acupuncture.",
    ),
    (
        "insomnia",
        "Acupuncture for chronic insomnia: a sample systematic review",
        StudyDesign.SYSTEMATIC_REVIEW,
        2023,
        11,
        5,
        46,
        3811,
        EvidenceStrength.MODERATE,
        ["sleep quality", "systematic review"],
        "Acupuncture improved sleep quality scores more than sham across 46 trials, though most were small.",
    ),
    (
        "insomnia",
        "Acupuncture versus sleeping pills for insomnia: a sample randomised trial",
        StudyDesign.RCT,
        2022,
        3,
        9,
        None,
        180,
        EvidenceStrength.EMERGING,
        ["sleep quality", "medication"],
        "Sleep improved similarly with acupuncture and with a common sleeping pill after four weeks.",
    ),
    (
        "insomnia",
        "Sleep after auricular acupressure in shift workers: a sample cohort",
        StudyDesign.COHORT,
        2021,
        1,
        4,
        None,
        260,
        EvidenceStrength.LIMITED,
        ["acupressure", "shift work"],
        "Shift workers using ear acupressure seeds slept about half an hour longer on average.",
    ),
    (
        "insomnia",
        "Acupuncture for insomnia after stroke: a sample case series",
        StudyDesign.CASE_SERIES,
        2019,
        9,
        2,
        None,
        15,
        EvidenceStrength.INSUFFICIENT,
        ["stroke"],
        "Most stroke survivors in this small series slept longer during a course of acupuncture.",
    ),
    (
        "chemotherapy-induced-nausea",
        "Acupressure wristbands for chemotherapy nausea: a sample randomised trial",
        StudyDesign.RCT,
        2024,
        2,
        14,
        None,
        500,
        EvidenceStrength.MODERATE,
        ["acupressure", "P6"],
        "Wristbands pressing the P6 point reduced nausea alongside standard anti-sickness medicines.",
    ),
    (
        "chemotherapy-induced-nausea",
        "Acupuncture for chemotherapy-induced nausea and vomiting: a sample meta-analysis",
        StudyDesign.META_ANALYSIS,
        2023,
        7,
        6,
        41,
        3059,
        EvidenceStrength.MODERATE,
        ["P6", "oncology", "meta-analysis"],
        "Across 41 trials, acupuncture lowered the number of vomiting episodes during chemotherapy.",
    ),
    (
        "chemotherapy-induced-nausea",
        "Electroacupuncture and appetite during chemotherapy: a sample cohort",
        StudyDesign.COHORT,
        2020,
        5,
        5,
        None,
        310,
        EvidenceStrength.LIMITED,
        ["electroacupuncture", "oncology"],
        "Patients receiving electroacupuncture reported better appetite between chemotherapy cycles.",
    ),
    (
        "chemotherapy-induced-nausea",
        "Acupuncture in children receiving chemotherapy: a sample case series",
        StudyDesign.CASE_SERIES,
        2018,
        10,
        3,
        None,
        20,
        EvidenceStrength.INSUFFICIENT,
        ["children", "oncology"],
        "Children and parents found acupuncture acceptable, and most reported less nausea.",
    ),
    (
        "migraines",
        "Acupuncture and sleep quality in people with migraine: a sample trial",
        StudyDesign.RCT,
        2025,
        1,
        6,
        None,
        120,
        EvidenceStrength.EMERGING,
        ["sleep quality", "prevention"],
        "People with migraine slept better and had fewer attacks during twelve weeks of acupuncture.",
    ),
    (
        "low-back-pain",
        "Brain pain networks after acupuncture for back pain: a sample imaging study",
        StudyDesign.IMAGING,
        2025,
        4,
        8,
        None,
        52,
        EvidenceStrength.EMERGING,
        ["fMRI", "neuroimaging", "chronic pain"],
        "Pain-related brain activity fell alongside back pain scores after a course of acupuncture.",
    ),
]

SAMPLE_SURNAMES = [
    "Alder",
    "Brook",
    "Cole",
    "Dale",
    "Ellis",
    "Frost",
    "Grey",
    "Hale",
    "Ives",
    "Jordan",
    "Kerr",
    "Lowe",
    "Marsh",
    "Nash",
    "Oakes",
    "Pike",
    "Quinn",
    "Reed",
    "Shaw",
    "Todd",
]
SAMPLE_INITIALS = ["A", "B K", "C", "D M", "E", "F L", "G", "H J", "I", "J R", "K", "L T"]
