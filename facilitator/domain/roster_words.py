"""The words registration lists use, in English, French, Spanish, Arabic and Russian. Qt-free.

Column headers map to participant fields; cell values map to our vocabulary codes. Everything
is compared after `text.fold` (case, accents and spacing ignored), so "Prénom", "prenom" and
"PRENOM" are one word. The translated labels of our own vocabulary are accepted too (see
roster_csv), so a list exported by Facilitator in any language reads back.
"""

from __future__ import annotations

# fmt: off
# field -> header words. "name" may hold a full name; see AMBIGUOUS_* below.
HEADERS: dict[str, tuple[str, ...]] = {
    "name": (
        "name", "full name", "participant", "participant name", "speaker", "nom complet",
        "nom et prenom", "prenom et nom", "nombre completo", "nombre y apellido",
        "nombre y apellidos", "الاسم", "اسم", "الاسم الكامل", "اسم المشارك", "фио", "ф.и.о.",
        "полное имя", "имя и фамилия", "участник", "nom", "nombre", "имя",
    ),
    "first_name": (
        "first name", "given name", "first", "forename", "prenom", "nombre de pila",
        "الاسم الأول",
    ),
    "last_name": (
        "last name", "surname", "family name", "last", "nom de famille", "apellido",
        "apellidos", "اسم العائلة", "الاسم الأخير", "фамилия",
    ),
    "title": (
        "title", "job title", "position", "function", "designation", "titre", "fonction",
        "poste", "cargo", "titulo", "puesto", "المنصب", "الوظيفة", "المسمى الوظيفي",
        "должность", "звание",
    ),
    "organisation": (
        "organisation", "organization", "institution", "entity", "affiliation", "agency",
        "organisme", "organizacion", "institucion", "entidad", "المنظمة", "الجهة", "المؤسسة",
        "организация", "учреждение",
    ),
    "stakeholder_group": (
        "stakeholder group", "stakeholder", "group", "category", "constituency", "sector",
        "type", "groupe", "categorie", "partie prenante", "groupe de parties prenantes",
        "grupo", "categoria", "grupo de interes", "parte interesada", "الفئة", "المجموعة",
        "مجموعة أصحاب المصلحة", "الجهة المعنية", "группа", "категория",
        "заинтересованная сторона", "тип",
    ),
    "country": (
        "country", "nationality", "pays", "nationalite", "pais", "nacionalidad", "البلد",
        "الدولة", "الجنسية", "страна", "гражданство",
    ),
    "gender": (
        "gender", "sex", "genre", "sexe", "genero", "sexo", "الجنس", "النوع", "пол",
    ),
    "email": (
        "email", "e-mail", "mail", "email address", "e-mail address", "courriel",
        "adresse electronique", "adresse e-mail", "correo", "correo electronico",
        "البريد الإلكتروني", "البريد الالكتروني", "электронная почта", "эл. почта", "почта",
        "e-mail адрес",
    ),
    "role": (
        "role", "rol", "الدور", "роль",
    ),
    "attended": (
        "attended", "attendance", "present", "presence", "asistio", "asistencia", "presente",
        "حضر", "الحضور", "присутствовал", "присутствие", "участвовал",
    ),
}

# Words inside longer headings, for lists whose headings are questions (Google Forms, Microsoft
# Forms, Eventbrite): "Name of your organization", "Which stakeholder group do you represent?".
# Tried in this order, each on the headings no exact word matched; folded like the headings.
KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("email", ("email", "e-mail", "courriel", "correo", "почт", "البريد")),
    ("stakeholder_group", (
        "stakeholder", "constituency", "parties prenantes", "partes interesadas",
        "заинтересован", "أصحاب المصلحة", "category", "categorie", "categoria",
    )),
    ("organisation", (
        "organi", "institution", "entity", "affiliation", "employer", "entite", "entidad",
        "организац", "учрежден", "المنظمة", "منظمة", "الجهة", "المؤسسة",
    )),
    ("country", ("country", "pays", "pais", "nationalit", "nacionalidad", "стран", "البلد", "الدولة")),
    ("title", (
        "job title", "position", "function", "designation", "fonction", "poste", "cargo",
        "puesto", "должност", "المنصب", "الوظيف",
    )),
    ("gender", ("gender", "sex", "genre", "genero", "sexo", "الجنس", "пол ")),
    ("first_name", ("first name", "given name", "prenom", "nombre de pila", "الاسم الأول")),
    ("last_name", ("last name", "surname", "family name", "nom de famille", "apellido", "фамил")),
    ("name", (
        "full name", "your name", "name", "nom complet", "nom et prenom", "nombre", "фио",
        "имя", "الاسم", "اسم",
    )),
    ("attended", ("attend", "present", "asist", "присутств", "الحضور", "حضر")),
)

# Headers that mean "first name" beside a surname column ("Nombre", "Имя"), and "surname"
# beside a first-name column ("Nom" in French lists with "Prénom").
AMBIGUOUS_FIRST = ("nombre", "имя", "name")
AMBIGUOUS_LAST = ("nom",)

GROUP_WORDS: dict[str, tuple[str, ...]] = {
    "member_state": (
        "member state", "member states", "state", "government", "ms", "permanent mission",
        "etat membre", "etats membres", "gouvernement", "estado miembro", "gobierno",
        "دولة عضو", "الدول الأعضاء", "حكومة", "государство-член", "государство член",
        "правительство",
    ),
    "un_entity": (
        "un", "un entity", "un agency", "united nations", "un system", "onu", "nations unies",
        "entite des nations unies", "naciones unidas", "entidad de las naciones unidas",
        "الأمم المتحدة", "оон", "структура оон",
    ),
    "international_org": (
        "international organization", "international organisation", "io", "igo",
        "regional organization", "regional organisation", "organisation internationale",
        "organizacion internacional", "منظمة دولية", "международная организация",
    ),
    "civil_society": (
        "civil society", "cso", "csos", "ngo", "ngos", "societe civile", "ong", "osc",
        "sociedad civil", "المجتمع المدني", "منظمة غير حكومية", "гражданское общество", "нко",
        "нпо", "нго",
    ),
    "academia": (
        "academia", "academic", "university", "research", "universite", "recherche",
        "universidad", "academico", "الأوساط الأكاديمية", "جامعة", "академические круги",
        "университет", "наука",
    ),
    "private_sector": (
        "private sector", "business", "company", "secteur prive", "entreprise",
        "sector privado", "empresa", "القطاع الخاص", "частный сектор", "бизнес",
    ),
    "migrant_representative": (
        "migrant", "migrants", "diaspora", "family", "families", "migrant representative",
        "famille", "migrante", "familia", "مهاجر", "المهاجرون", "мигрант", "мигранты", "семья",
    ),
    "youth": (
        "youth", "young", "jeunesse", "jeunes", "juventud", "jovenes", "الشباب", "молодежь",
    ),
    "local_authority": (
        "local authority", "local government", "municipality", "city", "autorite locale",
        "collectivite", "municipalite", "autoridad local", "municipio", "السلطات المحلية",
        "بلدية", "местные органы власти", "муниципалитет",
    ),
    "other": (
        "other", "autre", "otro", "آخر", "другое",
    ),
}

GENDER_WORDS: dict[str, tuple[str, ...]] = {
    "female": (
        "f", "female", "woman", "w", "femme", "feminin", "mujer", "femenino", "أنثى", "انثى",
        "امرأة", "ж", "жен", "женский", "женщина",
    ),
    "male": (
        "m", "male", "man", "homme", "masculin", "h", "hombre", "masculino", "ذكر", "رجل", "м",
        "муж", "мужской", "мужчина",
    ),
    "other": (
        "other", "non-binary", "nonbinary", "x", "autre", "non binaire", "otro", "no binario",
        "آخر", "другое", "prefer not to say", "not stated",
    ),
}

YES = (
    "yes", "y", "true", "1", "x", "oui", "o", "si", "نعم", "да", "✓", "✔", "present",
)
NO = (
    "no", "n", "false", "0", "non", "لا", "нет", "absent", "",
)
# fmt: on
