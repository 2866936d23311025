"""Synthetic news corpora for benchmarks.

``news_paragraphs`` yields realistic English news paragraphs from sentence
templates whose slots are filled from per-story casts, so paragraphs of one
story share names, places and figures without being copies of each other.
``write_corpus`` lays such paragraphs out as article files in the two shapes
tearsheet reads (live blogs and aggregator pages) and plants known repeats.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

__all__ = [
    "CorpusStats",
    "RepeatPair",
    "news_paragraphs",
    "write_corpus",
    "main",
]


@dataclass(frozen=True)
class Topic:
    name: str
    people: tuple[tuple[str, str], ...]
    places: tuple[str, ...]
    orgs: tuple[str, ...]
    countries: tuple[str, ...]
    nouns: tuple[str, ...]
    issues: tuple[str, ...]
    quotes: tuple[str, ...]
    templates: tuple[str, ...]
    headlines: tuple[str, ...]


def _people(spec: str) -> tuple[tuple[str, str], ...]:
    """'Title|Full Name;...' -> ((full mention, surname), ...)."""
    out = []
    for item in spec.split(";"):
        title, name = (s.strip() for s in item.split("|"))
        out.append((f"{title} {name}".strip(), SURNAMES.get(name, name.split()[-1])))
    return tuple(out)


SURNAMES: dict[str, str] = {
    "Ursula von der Leyen": "von der Leyen",
    "Robert F. Kennedy Jr.": "Kennedy",
    "Tedros Adhanom Ghebreyesus": "Tedros",
    "Mohammed bin Abdulrahman Al Thani": "Al Thani",
    "Maria Van Kerkhove": "Van Kerkhove",
}


def _split(spec: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in spec.split(";") if s.strip())


TOPICS: tuple[Topic, ...] = (
    Topic(
        name="frontline",
        people=_people(
            "President|Volodymyr Zelensky;Commander-in-Chief|Oleksandr Syrskyi;"
            "Kremlin spokesperson|Dmitry Peskov;local governor|Alexander Khinshtein;"
            "Kharkiv Governor|Oleh Syniehubov;Russian President|Vladimir Putin;"
            "Defense Minister|Andrii Sybiha;military analyst|Michael Kofman"
        ),
        places=_split(
            "Kursk Oblast;Donetsk Oblast;Kharkiv;Pokrovsk;Zaporizhzhia;Sumy;Kherson;"
            "Belgorod;Kostiantynivka;Rylsk;Dnipro;Odesa"
        ),
        orgs=_split(
            "the General Staff;the Defense Ministry;the Air Force;the State Emergency Service;"
            "the Institute for the Study of War;the regional military administration"
        ),
        countries=_split("Ukraine;Russia;Belarus;Poland"),
        nouns=_split(
            "drones;missiles;troops;soldiers;civilians;tanks;artillery shells;"
            "residential buildings;settlements;armored vehicles;glide bombs"
        ),
        issues=_split(
            "the summer offensive;the front line;air defenses;the overnight attack;"
            "the mobilization drive;the cross-border incursion;the drone strikes"
        ),
        quotes=_split(
            "There is no point in prolonging the killings;"
            "Our air defenses worked through the whole night, but not every missile could be stopped;"
            "The enemy is trying to advance in several directions at once;"
            "We need more Patriot systems, and we need them now;"
            "The situation on the front remains difficult but under control;"
            "Every strike on our cities is a message that Moscow does not want peace;"
            "The units are holding their positions despite heavy losses;"
            "We will respond to every attack on our territory"
        ),
        templates=_split(
            "Three people were injured in {PL} when the town was struck by a missile attack {D}, {P} claimed.;"
            "{CTRY} launched {NN} and {N} ballistic missiles against {PL} overnight, {ORG} reported.;"
            "Air defenses shot down {NN} over {PL} and neighbouring regions, according to {ORG}.;"
            "As of {BD}, {CTRY} has lost a total of {NN} since the full-scale invasion began, {ORG} reported.;"
            "{ORG} said its forces had repelled {SN} assaults near {PL} over the past 24 hours.;"
            "The strike on {PL} damaged {NN} and left thousands of households without power.;"
            "{CTRY} has gained ground around {PL} in recent months but at the cost of heavy casualties as well as equipment losses.;"
            "Fighting remains most intense near {PL}, where {ORG} counted {N} clashes {D}.;"
            "{S} said the attack on {PL} was the largest since {ISS} began.;"
            "Rescue workers pulled {NN} from the rubble in {PL}, {ORG} said {D}.;"
            "The estimate likely includes those killed, captured, wounded, and missing.;"
            "Moscow does not disclose its casualty figures, though officials have cited more than {NN} {D}."
        ),
        headlines=_split(
            "Russia launches {N} drones against {PL} overnight;"
            "Missile strike on {PL} injures {N}, governor says;"
            "Ukraine repels assaults near {PL};"
            "Over {N} Russian soldiers killed in Ukraine identified by media investigation;"
            "Air defenses down {N} drones over {PL}"
        ),
    ),
    Topic(
        name="talks",
        people=_people(
            "U.S. President|Donald Trump;U.S. Secretary of State|Marco Rubio;"
            "Turkish President|Recep Tayyip Erdogan;French President|Emmanuel Macron;"
            "Ukrainian delegation head|Rustem Umerov;Russia's chief negotiator|Vladimir Medinsky;"
            "U.S. envoy|Steve Witkoff;Russian Foreign Minister|Sergei Lavrov;"
            "Kremlin spokesperson|Dmitry Peskov;President|Volodymyr Zelensky"
        ),
        places=_split("Istanbul;Antalya;Riyadh;Geneva;Ankara;Dolmabahce Palace;Vatican City;Brussels"),
        orgs=_split(
            "the Kremlin;the White House;NATO;the European Commission;the Turkish Presidency;"
            "the State Department;the United Nations"
        ),
        countries=_split("Ukraine;Russia;Turkey;the United States;France;Germany"),
        nouns=_split("delegates;proposals;prisoners;conditions;points;meetings;phone calls"),
        issues=_split(
            "a 30-day ceasefire;the peace talks;security guarantees;the Russian initiative;"
            "the peace plan;a possible end to the war;the memorandum"
        ),
        quotes=_split(
            "We cannot allow NATO's military infrastructure to get that close to our borders;"
            "Ukraine should agree to this, immediately;"
            "A negotiated peaceful settlement is in the best interest of both parties;"
            "We are ready to talk, but not under ultimatums;"
            "The ball is now in Moscow's court;"
            "Nobody is talking about a full ceasefire yet;"
            "These talks are a first step, not the last one;"
            "We will wait for Putin on Thursday in Turkey"
        ),
        templates=_split(
            "Western leaders dismissed the Kremlin's proposal for talks in {PL} {D} as insufficient.;"
            "{P} will travel to {PL} for a meeting {D}, where he is expected to address the war in Ukraine and push for stronger Allied defense commitments.;"
            "The leaders held a detailed discussion about {ISS} and {S} expressed full support, {ORG} said.;"
            "{S} told reporters that {ISS} would be on the table when the delegations meet in {PL}.;"
            "The first direct talks between Moscow and Kyiv in over three years concluded {D} at {PL}, according to media reports.;"
            "The negotiations focused on {ISS} and a prisoner exchange, according to {P}, who said the sides had agreed to swap {NN} each.;"
            "{CTRY} has insisted on {ISS} before any broader negotiations begin.;"
            "{P} said {D} he will travel to {PL} for peace talks in response to Moscow rejecting {ISS}.;"
            "The {ADJ} side presented a list of {NN} that it said must be met before a summit.;"
            "{ORG} said it was ready to provide a venue and assist in organizing the negotiations.;"
            "Officials in {PL} said a second round could take place {D} if both delegations agree."
        ),
        headlines=_split(
            "Moscow and Kyiv agree to swap {N} prisoners after talks in {PL};"
            "{S} to travel to {PL} for peace talks;"
            "Kremlin rejects {ISS} as talks stall;"
            "Western leaders dismiss Kremlin proposal for talks in {PL}"
        ),
    ),
    Topic(
        name="exchange",
        people=_people(
            "Russian MP|Shamsail Saraliev;Ukrainian ombudsman|Dmytro Lubinets;"
            "Russian rights commissioner|Tatyana Moskalkova;war correspondent|Aleksandr Kots;"
            "intelligence chief|Kyrylo Budanov;President|Volodymyr Zelensky"
        ),
        places=_split("Kursk Region;Belarus;the Belarusian border;Kyiv;Moscow;Chernihiv Oblast"),
        orgs=_split(
            "the Coordination Headquarters for the Treatment of Prisoners of War;"
            "the International Committee of the Red Cross;the Russian Defense Ministry;"
            "the SBU;the United Arab Emirates;RBK media outlet"
        ),
        countries=_split("Ukraine;Russia;the United Arab Emirates"),
        nouns=_split("bodies;prisoners;servicemen;civilians;prisoners of war;soldiers;wounded troops"),
        issues=_split(
            "the swap;the exchange;the repatriation of remains;the prisoner exchange;"
            "the identification process"
        ),
        quotes=_split(
            "Our people are coming home;"
            "Every family deserves to bury their loved ones;"
            "The work to return everyone continues;"
            "This was one of the largest exchanges since the start of the war;"
            "We will bring back every one of them"
        ),
        templates=_split(
            "{CTRY} returned {NN} to Ukraine and received the remains of {N} Russian soldiers in exchange, {P} said.;"
            "{ORG} confirmed {ISS} in a Telegram post, saying Kyiv had received the bodies of {N} servicemen.;"
            "Similar swaps have been carried out on a monthly basis.;"
            "{D}, Russia handed {NN} to Ukraine in exchange for the remains of {N} troops.;"
            "{D}, the sides exchanged the remains of {N} Ukrainian servicemen for the bodies of {N} Russians.;"
            "{S} wrote in Telegram {D} that many of the bodies belonged to servicemen killed during the incursion into {PL}.;"
            "The operation was coordinated with {ORG}, it added.;"
            "It did not disclose how many of Russia's fallen soldiers were handed over.;"
            "Among those freed were {NN}, including several who had been held since 2022, {ORG} said."
        ),
        headlines=_split(
            "Moscow and Kiev exchange remains of fallen soldiers;"
            "Ukraine receives {N} bodies in latest repatriation;"
            "{N} prisoners return home in exchange mediated by {ORG}"
        ),
    ),
    Topic(
        name="sanctions",
        people=_people(
            "RDIF CEO|Kirill Dmitriev;European Commission President|Ursula von der Leyen;"
            "EU foreign policy chief|Kaja Kallas;Deputy Prime Minister|Alexander Novak;"
            "IEA chief|Fatih Birol;Slovak Prime Minister|Robert Fico;Hungarian Prime Minister|Viktor Orban"
        ),
        places=_split("Brussels;the Baltic Sea;Rotterdam;Novorossiysk;Budapest;Bratislava"),
        orgs=_split(
            "the European Commission;the Russian Direct Investment Fund;Gazprom;OPEC+;"
            "the International Energy Agency;the U.S. Treasury;the Council of the EU"
        ),
        countries=_split("Russia;Hungary;Slovakia;India;China;the European Union"),
        nouns=_split("tankers;barrels;entities;vessels;banks;companies;individuals"),
        issues=_split(
            "the 18th sanctions package;the gas ban;the oil price cap;the shadow fleet;"
            "the frozen assets;the LNG imports;the transit agreement"
        ),
        quotes=_split(
            "Sanctions are a tool, not a strategy;"
            "Europe cannot keep paying for Russian gas while Russia bombs Ukraine;"
            "This package hits the shadow fleet harder than ever before;"
            "The bloc wants to prolong the conflict;"
            "We will not support measures that harm our own energy security"
        ),
        templates=_split(
            "The European Union moves one step forward to banning Russian gas from the European continent.;"
            "{ISS}, which targets {ORG} among other entities, is driven by the bloc's desire to prolong the conflict, according to {P}.;"
            "The new measures add {NN} to the list and lower the price cap to {M} per barrel.;"
            "{CTRY} has threatened to veto {ISS} unless it receives an exemption for pipeline supplies.;"
            "Revenues from oil exports fell {PCT} {D}, {ORG} said in its monthly report.;"
            "Officials estimate that {M} in assets remain frozen in {PL}.;"
            "{S} said {ISS} would cost European households {M} a year.;"
            "The list targets {NN} accused of helping Moscow evade restrictions."
        ),
        headlines=_split(
            "EU wants to prolong Ukraine conflict, says {S};"
            "EU adopts {ISS};"
            "Brussels targets {N} tankers in new sanctions;"
            "{CTRY} threatens veto over {ISS}"
        ),
    ),
    Topic(
        name="economy",
        people=_people(
            "Federal Reserve Chair|Jerome Powell;ECB President|Christine Lagarde;"
            "Bank of England Governor|Andrew Bailey;Central Bank Governor|Elvira Nabiullina;"
            "Treasury Secretary|Scott Bessent;Chancellor|Rachel Reeves;IMF Managing Director|Kristalina Georgieva;"
            "chief economist|Paul Ashworth"
        ),
        places=_split("Frankfurt;Washington;London;Tokyo;Beijing;New York;Moscow"),
        orgs=_split(
            "the Federal Reserve;the European Central Bank;the Bank of England;the IMF;"
            "the World Bank;the Labor Department;the Office for National Statistics;Goldman Sachs"
        ),
        countries=_split("the United States;China;Germany;Britain;Japan;Russia;the euro zone"),
        nouns=_split("jobs;basis points;workers;companies;households;mortgages;containers"),
        issues=_split(
            "inflation;interest rates;the tariffs;the budget deficit;consumer spending;"
            "the trade deal;the bond market"
        ),
        quotes=_split(
            "We are well positioned to wait for greater clarity;"
            "Inflation is moving in the right direction, but the job is not done;"
            "The risks to growth are clearly tilted to the downside;"
            "Tariffs are a tax on consumers, whatever anyone says;"
            "We will do whatever it takes within our mandate"
        ),
        templates=_split(
            "Consumer prices rose {PCT} in the year to {MON}, down from {PCT} a month earlier, {ORG} said.;"
            "{ORG} held its benchmark rate at {PCT} {D}, in line with expectations.;"
            "The economy added {NN} {D}, beating forecasts of {N}.;"
            "{P} said the bank would cut rates by 25 {NOUN} if inflation keeps easing.;"
            "{CTRY} posted a trade surplus of {M} {D}, the largest on record.;"
            "Economists polled by Reuters expect growth of {PCT} this year, down from {PCT} in 2024.;"
            "The yield on 10-year Treasuries climbed to {PCT} after the data.;"
            "{S} warned that {ISS} could shave {PCT} off global output.;"
            "The government plans to borrow an extra {M} to cover the shortfall."
        ),
        headlines=_split(
            "{ORG} holds rates at {PCT};"
            "Inflation eases to {PCT} in {MON};"
            "Economy adds {N} jobs, beating forecasts;"
            "{S} warns {ISS} will hit growth"
        ),
    ),
    Topic(
        name="washington",
        people=_people(
            "U.S. President|Donald Trump;Vice President|J.D. Vance;Defense Secretary|Pete Hegseth;"
            "Senate Minority Leader|Chuck Schumer;House Speaker|Mike Johnson;"
            "California Governor|Gavin Newsom;Press Secretary|Karoline Leavitt;former President|Joe Biden"
        ),
        places=_split("Washington;Capitol Hill;Florida;California;the Oval Office;Texas"),
        orgs=_split(
            "Congress;the Senate;the House Appropriations Committee;the Pentagon;"
            "the Supreme Court;the Department of Justice;the White House"
        ),
        countries=_split("the United States;Ukraine;Canada;Mexico;China"),
        nouns=_split("votes;lawmakers;executive orders;federal workers;anti-drone missiles;troops"),
        issues=_split(
            "the spending bill;the tariffs;military aid for Ukraine;the budget;"
            "the debt ceiling;the immigration crackdown;the 'America First' pivot"
        ),
        quotes=_split(
            "It is a reduction in this budget;"
            "This administration takes a very different view of that conflict;"
            "They sent $300 billion to Ukraine;"
            "The American people voted for change and that is what they are getting;"
            "We will see them in court"
        ),
        templates=_split(
            "The White House will be slashing military funding for Ukraine as the administration seeks a peaceful resolution to the conflict, {P} has said.;"
            "{S} made the statement before {ORG} {D}.;"
            "The Trump administration has also touted an 'America First' pivot and significantly cut foreign assistance.;"
            "{P} accused his predecessor of spending 'crazy' amounts of money on supporting Kyiv.;"
            "{ORG} passed {ISS} by {N} votes to {N} {D}.;"
            "The administration rerouted some {NN} initially earmarked for Kyiv to the Middle East, the Ukrainian leader claimed.;"
            "{S} signed {N} executive orders {D}, including one on {ISS}.;"
            "A federal judge in {PL} blocked part of {ISS} {D}, saying it likely exceeded presidential authority."
        ),
        headlines=_split(
            "US to cut Ukraine aid;"
            "{ORG} passes {ISS};"
            "{S} signs {N} executive orders;"
            "Judge blocks {ISS}"
        ),
    ),
    Topic(
        name="weather",
        people=_people(
            "Governor|Greg Abbott;Mayor|Karen Bass;meteorologist|Jonathan Porter;"
            "FEMA administrator|David Richardson;Governor|Ron DeSantis;civil defense chief|Ariel Nepomuceno"
        ),
        places=_split("Texas;Florida;Manila;Gujarat;Kerr County;Los Angeles;Valencia;the Gulf Coast"),
        orgs=_split(
            "the National Weather Service;FEMA;the Red Cross;the fire department;"
            "the National Hurricane Center;local authorities"
        ),
        countries=_split("the United States;the Philippines;India;Spain;Pakistan"),
        nouns=_split("homes;residents;people;flights;acres;schools;rescue workers"),
        issues=_split(
            "the flooding;the evacuation order;the wildfire;the storm;the heat wave;the landslide"
        ),
        quotes=_split(
            "This is a once-in-a-generation event;"
            "Please stay off the roads and listen to local officials;"
            "We are still in search and rescue mode;"
            "The water rose faster than anyone expected"
        ),
        templates=_split(
            "{ISS} forced {NN} to leave their homes in {PL} {D}.;"
            "At least {N} people were killed and {N} remain missing after {ISS} hit {PL}, {ORG} said.;"
            "{ORG} issued a warning for {PL}, forecasting up to {N} inches of rain.;"
            "The blaze has burned more than {NN} and destroyed {N} structures.;"
            "{S} said damages could exceed {M} once the water recedes.;"
            "Airlines cancelled {NN} at airports across {PL} {D}.;"
            "Power was restored to {PCT} of customers by Sunday evening, the utility said."
        ),
        headlines=_split(
            "{ISS} kills {N} in {PL};"
            "Thousands evacuated as {ISS} hits {PL};"
            "{N} flights cancelled across {PL}"
        ),
    ),
    Topic(
        name="health",
        people=_people(
            "WHO Director-General|Tedros Adhanom Ghebreyesus;Health Secretary|Robert F. Kennedy Jr.;"
            "CDC spokesperson|Jennifer Moore;epidemiologist|Maria Van Kerkhove;Health Minister|Wes Streeting"
        ),
        places=_split("Geneva;West Texas;Kinshasa;Gaza;London;New Mexico"),
        orgs=_split(
            "the World Health Organization;the CDC;the FDA;the NHS;Medecins Sans Frontieres;"
            "the health ministry"
        ),
        countries=_split("the United States;Congo;Britain;Sudan;India"),
        nouns=_split("cases;patients;doses;hospitals;deaths;nurses;children"),
        issues=_split(
            "the measles outbreak;the vaccine;the cholera outbreak;the funding cuts;"
            "the waiting lists;the pandemic treaty"
        ),
        quotes=_split(
            "Vaccines remain the best protection we have;"
            "The health system is on its knees;"
            "These cuts will cost lives;"
            "We are seeing cases in places that had not reported any for years"
        ),
        templates=_split(
            "{ORG} confirmed {NN} linked to {ISS} in {PL} {D}.;"
            "The number of {NOUN} rose {PCT} compared with the same period last year.;"
            "{S} said {ISS} was now the largest in decades.;"
            "Officials have distributed {NN} to clinics across {PL}.;"
            "{ORG} said it needed {M} to respond to {ISS} over the next six months.;"
            "Most of the {NOUN} were unvaccinated, according to {ORG}."
        ),
        headlines=_split(
            "{ISS} spreads to {PL};"
            "{N} cases confirmed as {ISS} grows;"
            "{ORG} appeals for {M}"
        ),
    ),
    Topic(
        name="tech",
        people=_people(
            "Tesla CEO|Elon Musk;OpenAI CEO|Sam Altman;Nvidia CEO|Jensen Huang;"
            "EU tech commissioner|Henna Virkkunen;FTC Chair|Andrew Ferguson;analyst|Dan Ives"
        ),
        places=_split("San Francisco;Brussels;Taipei;Shenzhen;Austin;Seoul"),
        orgs=_split(
            "OpenAI;Nvidia;the European Commission;the FTC;Apple;Alphabet;Microsoft;TSMC"
        ),
        countries=_split("the United States;China;Taiwan;South Korea;the European Union"),
        nouns=_split("chips;users;data centers;employees;subscribers;gigawatts;shares"),
        issues=_split(
            "the AI Act;export controls;the antitrust case;the data center build-out;"
            "the chip shortage;the content moderation rules"
        ),
        quotes=_split(
            "We are at the beginning of a new industrial revolution;"
            "Nobody should be above the rules;"
            "Demand for compute is simply insatiable;"
            "This is not about innovation, it is about market power"
        ),
        templates=_split(
            "{ORG} said it would invest {M} in new data centers over the next four years.;"
            "Shares of {ORG} rose {PCT} in after-hours trading after the results.;"
            "{S} said {ISS} would force companies to disclose how their models are trained.;"
            "The company now has {NN}, up from {N} a year earlier.;"
            "{ORG} was fined {M} for breaching {ISS}, officials said {D}.;"
            "{CTRY} tightened {ISS} on advanced {NOUN} {D}.;"
            "Revenue rose {PCT} to {M} in the quarter, {ORG} said."
        ),
        headlines=_split(
            "{ORG} to invest {M} in data centers;"
            "{ORG} fined {M} over {ISS};"
            "{ORG} shares jump {PCT} on results"
        ),
    ),
    Topic(
        name="mideast",
        people=_people(
            "Prime Minister|Benjamin Netanyahu;Iranian Foreign Minister|Abbas Araghchi;"
            "U.S. envoy|Steve Witkoff;UN Secretary-General|Antonio Guterres;"
            "Qatari Prime Minister|Mohammed bin Abdulrahman Al Thani;Egyptian President|Abdel Fattah el-Sisi"
        ),
        places=_split("Gaza;Tehran;Doha;Cairo;Rafah;the West Bank;Khan Younis;Jerusalem"),
        orgs=_split(
            "Hamas;the Israeli military;the United Nations;the World Food Programme;"
            "the Gaza health ministry;UNRWA"
        ),
        countries=_split("Israel;Iran;Qatar;Egypt;the United States"),
        nouns=_split("hostages;aid trucks;aid workers;people;Palestinians;rockets"),
        issues=_split(
            "the ceasefire deal;humanitarian aid;the hostage talks;the nuclear talks;"
            "the blockade;the military operation"
        ),
        quotes=_split(
            "We are closer than we have been in months;"
            "Starvation must never be used as a weapon of war;"
            "The hostages must come home;"
            "Diplomacy is the only way forward"
        ),
        templates=_split(
            "{ORG} said {NN} were killed in strikes across {PL} {D}.;"
            "Only {NN} entered {PL} {D}, far below the {N} a day aid agencies say are needed.;"
            "Mediators in {PL} said {ISS} could be concluded within days.;"
            "{S} said {ISS} hinged on the release of {NN}.;"
            "{ORG} accused the other side of violating {ISS}.;"
            "{P2} met {SL} in {PL} {D} to discuss {ISS}."
        ),
        headlines=_split(
            "Strikes kill {N} in {PL};"
            "Mediators push for {ISS};"
            "Only {N} aid trucks reach {PL}"
        ),
    ),
    Topic(
        name="europe",
        people=_people(
            "Hungarian Prime Minister|Viktor Orban;Foreign Minister|Peter Szijjarto;"
            "Ukrainian Foreign Minister|Andrii Sybiha;Polish Prime Minister|Donald Tusk;"
            "German Chancellor|Friedrich Merz;British Prime Minister|Keir Starmer;"
            "Hungary's Deputy Foreign Minister|Levente Magyar"
        ),
        places=_split("Budapest;Warsaw;Berlin;London;Kyiv;Zakarpattia;Bucharest"),
        orgs=_split(
            "the European Council;the Hungarian government;the SBU;the Bundestag;"
            "the European Parliament;the Polish foreign ministry"
        ),
        countries=_split("Hungary;Ukraine;Poland;Germany;Britain;Romania"),
        nouns=_split("diplomats;votes;seats;agents;voters;lawmakers"),
        issues=_split(
            "the spying scandal;the rights of national minorities;the accession talks;"
            "the election;the defense spending target;the coalition talks"
        ),
        quotes=_split(
            "Hungary will not be intimidated;"
            "This is an unfriendly step that we cannot leave unanswered;"
            "Europe has to take responsibility for its own security;"
            "The voters have sent a very clear message"
        ),
        templates=_split(
            "Hungary cancelled a meeting planned {D} with a Ukrainian delegation on {ISS}, {P} said, amid a deepening spying scandal between the two countries.;"
            "{CTRY} expelled {NN} {D} in response to {ISS}.;"
            "{S} said {ISS} would not affect support for Ukraine's reconstruction.;"
            "{ORG} voted {N} to {N} in favour of the motion {D}.;"
            "Turnout reached {PCT}, the highest since 1990, according to official figures.;"
            "{P} pledged to raise defense spending to {PCT} of GDP by 2030."
        ),
        headlines=_split(
            "Hungary cancels talks with Ukraine amid {ISS};"
            "{CTRY} expels {N} diplomats;"
            "{S} pledges to raise defense spending to {PCT}"
        ),
    ),
)

ADJECTIVES: dict[str, str] = {
    "Ukraine": "Ukrainian", "Russia": "Russian", "Belarus": "Belarusian", "Poland": "Polish",
    "Turkey": "Turkish", "the United States": "American", "France": "French",
    "Germany": "German", "the United Arab Emirates": "Emirati", "Hungary": "Hungarian",
    "Slovakia": "Slovak", "India": "Indian", "China": "Chinese", "the European Union": "European",
    "Britain": "British", "Japan": "Japanese", "the euro zone": "European", "Canada": "Canadian",
    "Mexico": "Mexican", "the Philippines": "Philippine", "Spain": "Spanish",
    "Pakistan": "Pakistani", "Congo": "Congolese", "Sudan": "Sudanese", "Taiwan": "Taiwanese",
    "South Korea": "South Korean", "Israel": "Israeli", "Iran": "Iranian", "Qatar": "Qatari",
    "Egypt": "Egyptian", "Romania": "Romanian",
}

GENERIC_TEMPLATES: tuple[str, ...] = _split(
    "{P} said {D} that {ISS} would top the agenda.;"
    "{S} told reporters in {PL} that {ISS} remained the main obstacle.;"
    "According to {ORG}, {NN} were affected.;"
    "{ORG} said {D} that {NN} had been registered since the start of the year.;"
    "{CTRY} has repeatedly denied any involvement, {ORG} said in a statement.;"
    "The figures could not be independently verified.;"
    "{OUT} could not immediately reach {ORG} for comment.;"
    "{S} did not respond to a request for comment.;"
    "The announcement came {D}, days after {ISS} dominated talks in {PL}.;"
    "Officials in {PL} said {NN} had been counted so far, and warned the total could rise.;"
    "{P} is expected to visit {PL} {D}.;"
    "{ORG} put the cost at {M}, more than double the previous estimate.;"
    "The {ADJ} government has allocated {M} for {ISS} this year.;"
    "Support for {ISS} fell to {PCT} in the latest poll, down from {PCT} {D}.;"
    "The journalists note that the actual figures are likely significantly higher.;"
    "{S} has made {ISS} a central part of his agenda.;"
    "{D}, {P} said {ISS} was 'not up for negotiation.';"
    "Critics say {ISS} has done little to change the situation on the ground.;"
    "The decision follows months of pressure from {ORG} and allies in {PL}.;"
    "{ORG} published the full list for the first time {D}.;"
    "It was not immediately clear how many {NOUN} were involved.;"
    "Since the last update {D}, {NN} have been added to the tally.;"
    "{C1} and {C2} have been at odds over {ISS} for more than a year.;"
    "{ORG} said it would review {ISS} {D}.;"
    "The move was welcomed by {P2}, who called it 'long overdue.';"
    "{P} described {ISS} as 'a serious mistake.';"
    "{OUT} reported {D} that {ORG} was preparing a response.;"
    "Independent analysts estimate that more than {NN} were involved, a figure officials dispute.;"
    "{ORG} said {NN} and {NN} were recorded {D}.;"
    "About {PCT} of respondents said {ISS} should be the priority.;"
    "In {MON}, {ORG} estimated the total at {M}.;"
    "The latest report covers the period from {BD} to {BD}.;"
    "{SL} was speaking at a press conference in {PL} alongside {P2}.;"
    "Neither side has commented on the reports.;"
    "The total now includes {NN}, {NN}, and nearly {NN}, according to {ORG}.;"
    "{P}, who has been in office since {YEAR}, faces growing criticism over {ISS}.;"
    "{ORG} did not say when {ISS} would take effect.;"
    "Negotiators met for {SN} hours in {PL} {D} without reaching agreement on {ISS}.;"
    "{ORG} estimated in a report that around {NN} had been affected since {YEAR}.;"
    "Details of {ISS} were first reported by {OUT}.;"
    "{S} later said on social media that {ISS} had been 'a success.';"
    "A spokesperson for {ORG} declined to comment on {ISS}.;"
    "The vote comes {D}, as pressure mounts over {ISS}.;"
    "{ORG} has set aside {M} for the programme, with a further {M} expected {D}.;"
    "{P2} met {SL} on the sidelines of the summit in {PL}.;"
    "Officials say {NN} have been registered in {PL} alone.;"
    "The {ADJ} side has not disclosed its own figures.;"
    "The number is {PCT} higher than a year earlier, according to {ORG}.;"
    "{S} said the government would announce further measures {D}.;"
    "Those figures are broadly in line with estimates made by {ORG}.;"
    "{ORG} said {ISS} was 'progressing as planned' despite delays in {PL}.;"
    "{D}, {ORG} confirmed that {NN} had been transferred to {PL}.;"
    "{S} has previously warned that {ISS} could take years to resolve.;"
    "Analysts at {ORG} said {ISS} was likely to dominate the coming weeks.;"
    "The {ORD} round of talks is scheduled to begin {D} in {PL}.;"
    "The plan, worth {M}, still needs approval from {ORG}.;"
    "{CTRY} accounted for {PCT} of the total, {ORG} data showed.;"
    "{P} rejected the claims as 'baseless' {D}.;"
    "Local media in {PL} reported {NN}, a figure officials did not confirm.;"
    "The statement did not mention {ISS}.;"
    "{ORG} said {SN} of its staff had been detained in {PL}.;"
    "Over the weekend, {NN} were reported in {PL} and surrounding areas.;"
    "{S} is due to address {ORG} {D}.;"
    "The report, published {D}, found that {PCT} of {NOUN} were affected.;"
    "{ORG} has called for an independent investigation into {ISS}."
)

QUOTE_FRAMES: tuple[str, ...] = _split(
    '"{Q}," {P} said.;'
    '"{Q}," {S} said.;'
    '"{Q}," {S} told reporters {D}.;'
    '"{Q}," {P} wrote on Telegram.;'
    '"{Q}," {S} added.;'
    '"{Q}," {P} said in a statement {D}.;'
    '"{Q}," {S} said in an interview with {OUT}.;'
    '{P} said: "{Q}.";'
    '"{Q}," {S} said, according to {OUT}.;'
    '"{Q}... {Q2}," {P} said.'
)

OUTLETS: tuple[str, ...] = _split(
    "Reuters;AP;AFP;Bloomberg;the BBC;the Kyiv Independent;RBK;Interfax;TASS;Politico;"
    "the Financial Times;Al Jazeera;Russia Today;the Guardian;CNN;NBC News"
)

WIRE_OUTLETS: tuple[str, ...] = ("Reuters", "AP", "AFP", "Bloomberg")

DATELINE_CITIES: dict[str, tuple[str, ...]] = {
    "frontline": ("KYIV", "MOSCOW", "KHARKIV", "ZAPORIZHZHIA", "DNIPRO"),
    "talks": ("ISTANBUL", "WASHINGTON", "MOSCOW", "KYIV", "ANTALYA"),
    "exchange": ("KYIV", "MOSCOW"),
    "sanctions": ("BRUSSELS", "MOSCOW", "LONDON"),
    "economy": ("WASHINGTON", "FRANKFURT", "LONDON", "TOKYO", "BEIJING"),
    "washington": ("WASHINGTON", "NEW YORK"),
    "weather": ("HOUSTON", "MIAMI", "MANILA", "LOS ANGELES", "MADRID"),
    "health": ("GENEVA", "LONDON", "ATLANTA", "KINSHASA"),
    "tech": ("SAN FRANCISCO", "BRUSSELS", "TAIPEI", "SEOUL"),
    "mideast": ("JERUSALEM", "CAIRO", "DOHA", "DUBAI", "GAZA"),
    "europe": ("BUDAPEST", "WARSAW", "BERLIN", "LONDON", "KYIV"),
}

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTH_ABBR: tuple[str, ...] = (
    "Jan.", "Feb.", "March", "April", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SMALL: tuple[str, ...] = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "10", "12")
ORDINALS: tuple[str, ...] = ("second", "third", "fourth", "fifth", "18th", "17th", "next", "final")
QUALIFIERS: tuple[str, ...] = ("nearly ", "more than ", "about ", "at least ", "some ", "over ", "around ", "up to ")


@dataclass
class _Story:
    """The cast and figures one story keeps returning to."""

    topic: Topic
    pools: dict[str, tuple[str, ...]]
    city: str
    month: int
    day: int


_SLOT_RE = re.compile(r"\{(\w+)\}")
_Filler = Callable[[_Story, Callable[[int], int]], str]


def _fmt_count(value: int) -> str:
    return f"{value:,}"


def _fresh_count(rb: Callable[[int], int]) -> str:
    kind = rb(3)
    if kind < 3:
        value = 2 + rb(6) % 48
    elif kind < 6:
        value = 20 + rb(10) % 980
    else:
        value = 1000 + rb(17) % 120000
        if rb(2) == 0:
            value = round(value, -3)
    text = _fmt_count(value)
    return QUALIFIERS[rb(3)] + text if rb(2) == 0 else text


def _fresh_money(rb: Callable[[int], int]) -> str:
    cur = ("$", "$", "$", "€", "£")[rb(8) % 5]
    unit = ("million", "billion", "billion", "million", "trillion")[rb(8) % 5]
    if unit == "trillion":
        amount = f"{1 + rb(4) % 5}.{rb(4) % 10}"
    elif rb(1):
        amount = str(1 + rb(10) % 900)
    else:
        amount = f"{1 + rb(6) % 60}.{rb(4) % 10}"
    return f"{cur}{amount} {unit}"


def _fresh_pct(rb: Callable[[int], int]) -> str:
    whole = rb(6) % 40
    if rb(2) == 0:
        return f"{whole} percent"
    return f"{whole}.{rb(4) % 10}%"


def _fresh_date(rb: Callable[[int], int], month: int) -> str:
    kind = rb(4) % 12
    if kind < 4:
        return f"on {MONTHS[month]} {1 + rb(5) % 28}"
    if kind < 6:
        return f"on {WEEKDAYS[rb(3) % 7]}"
    if kind == 6:
        return ("last month", "last week", "earlier this week", "this week")[rb(2)]
    if kind == 7:
        return f"in {MONTHS[(month - 1 - rb(2)) % 12]}"
    if kind == 8:
        return f"on {MONTH_ABBR[(month - 1 - rb(3) % 5) % 12]} {1 + rb(5) % 28}"
    if kind == 9:
        return ("on Thursday", "on Friday", "on Sunday", "overnight")[rb(2)]
    if kind == 10:
        return f"at the end of {MONTHS[(month - 1) % 12]}"
    return f"on {MONTHS[month]} {1 + rb(5) % 28}"


def _bare_date(rb: Callable[[int], int]) -> str:
    return f"{MONTHS[rb(4) % 12]} {1 + rb(5) % 28}, {2022 + rb(2)}"


def _make_story(topic: Topic, rng: random.Random) -> _Story:
    rb = rng.getrandbits
    month = rng.randrange(12)
    people = rng.sample(topic.people, min(len(topic.people), rng.randint(3, 5)))
    lead = people[0]
    places = rng.sample(topic.places, min(len(topic.places), 3))
    orgs = rng.sample(topic.orgs, min(len(topic.orgs), 3))
    countries = rng.sample(topic.countries, 2)
    nouns = rng.sample(topic.nouns, min(len(topic.nouns), 3))
    issues = rng.sample(topic.issues, min(len(topic.issues), 2))
    quotes = rng.sample(topic.quotes, min(len(topic.quotes), 3))
    counts = [str(rng.choice((2, 3, 5, 8, 12)) * 10 ** rng.randint(0, 2) + rng.randrange(10)) for _ in range(2)]
    counts += [_fmt_count(rng.randrange(100, 120000)) for _ in range(2)]
    pools: dict[str, tuple[str, ...]] = {
        "P": (lead[0], lead[0]) + tuple(p[0] for p in people[1:]),
        "S": (lead[1], lead[1], lead[1]) + tuple(p[1] for p in people[1:]),
        "SL": (lead[1],),
        "P2": tuple(p[0] for p in people[1:]),
        "C1": (countries[0],),
        "C2": (countries[1],),
        "PL": (places[0],) + tuple(places),
        "ORG": (orgs[0],) + tuple(orgs),
        "CTRY": tuple(countries),
        "ADJ": tuple(ADJECTIVES.get(c, "European") for c in countries),
        "NOUN": (nouns[0],) + tuple(nouns),
        "ISS": (issues[0], issues[0]) + tuple(issues[1:]),
        "Q": tuple(quotes),
        "N": tuple(counts),
        "M": tuple(_fresh_money(rb) for _ in range(2)),
        "PCT": tuple(_fresh_pct(rb) for _ in range(2)),
        "D": tuple(_fresh_date(rb, month) for _ in range(3)),
        "OUT": (rng.choice(OUTLETS),),
    }
    city = rng.choice(DATELINE_CITIES.get(topic.name, ("LONDON",)))
    return _Story(topic, pools, city, month, 1 + rng.randrange(28))


def _pool(key: str) -> _Filler:
    def fill(st: _Story, rb: Callable[[int], int]) -> str:
        p = st.pools[key]
        return p[rb(16) % len(p)]
    return fill


def _mixed(key: str, fresh: Callable[[Callable[[int], int]], str], keep: int) -> _Filler:
    """Story value ``keep`` times in 8, otherwise a fresh one."""

    def fill(st: _Story, rb: Callable[[int], int]) -> str:
        if rb(3) < keep:
            p = st.pools[key]
            return p[rb(16) % len(p)]
        return fresh(rb)
    return fill


def _fill_nn(st: _Story, rb: Callable[[int], int]) -> str:
    nouns = st.pools["NOUN"]
    noun = nouns[rb(16) % len(nouns)]
    if rb(3) < 4:
        counts = st.pools["N"]
        return f"{counts[rb(16) % len(counts)]} {noun}"
    return f"{_fresh_count(rb)} {noun}"


def _fill_q2(st: _Story, rb: Callable[[int], int]) -> str:
    quotes = st.topic.quotes
    return quotes[rb(16) % len(quotes)]


FILLERS: dict[str, _Filler] = {
    "P": _pool("P"),
    "S": _pool("S"),
    "PL": _pool("PL"),
    "ORG": _pool("ORG"),
    "SL": _pool("SL"),
    "P2": _pool("P2"),
    "C1": _pool("C1"),
    "C2": _pool("C2"),
    "CTRY": _pool("CTRY"),
    "ADJ": _pool("ADJ"),
    "NOUN": _pool("NOUN"),
    "ISS": _pool("ISS"),
    "Q": _pool("Q"),
    "Q2": _fill_q2,
    "OUT": _mixed("OUT", lambda rb: OUTLETS[rb(16) % len(OUTLETS)], 4),
    "N": _mixed("N", _fresh_count, 5),
    "NN": _fill_nn,
    "M": _mixed("M", _fresh_money, 4),
    "PCT": _mixed("PCT", _fresh_pct, 4),
    "D": lambda st, rb: st.pools["D"][rb(8) % 3] if rb(1) else _fresh_date(rb, st.month),
    "BD": lambda st, rb: _bare_date(rb),
    "MON": lambda st, rb: MONTHS[(st.month - rb(1)) % 12],
    "YEAR": lambda st, rb: str(2014 + rb(4) % 11),
    "SN": lambda st, rb: SMALL[rb(8) % len(SMALL)],
    "ORD": lambda st, rb: ORDINALS[rb(8) % len(ORDINALS)],
}


_Compiled = tuple[tuple[str, ...], tuple[_Filler, ...]]


def _compile(template: str) -> _Compiled:
    parts = _SLOT_RE.split(template)
    return tuple(parts[0::2]), tuple(FILLERS[k] for k in parts[1::2])


def _render(compiled: _Compiled, st: _Story, rb: Callable[[int], int]) -> str:
    literals, fillers = compiled
    out = [literals[0]]
    for filler, lit in zip(fillers, literals[1:]):
        out.append(filler(st, rb))
        out.append(lit)
    s = "".join(out)
    return s[0].upper() + s[1:]


_GENERIC = tuple(_compile(t) for t in GENERIC_TEMPLATES)
_QUOTES = tuple(_compile(t) for t in QUOTE_FRAMES)
_TOPICAL = {t.name: tuple(_compile(s) for s in t.templates) for t in TOPICS}
_HEADLINES = {t.name: tuple(_compile(s) for s in t.headlines) for t in TOPICS}
_SENTENCE_COUNTS = (1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 2, 3, 1, 2, 3)


class _ParagraphSource:
    """Deterministic stream of news paragraphs grouped into stories."""

    def __init__(self, seed: int, n_stories: int) -> None:
        self.rng = random.Random(seed)
        self.rb = self.rng.getrandbits
        self.seed = seed
        self.n_stories = max(1, n_stories)
        self.stories: dict[int, _Story] = {}

    def story(self, index: int) -> _Story:
        st = self.stories.get(index)
        if st is None:
            topic = TOPICS[index % len(TOPICS)]
            st = _make_story(topic, random.Random(self.seed * 1_000_003 + index))
            self.stories[index] = st
        return st

    def random_story(self) -> _Story:
        return self.story(self.rb(30) % self.n_stories)

    def sentence(self, st: _Story) -> str:
        rb = self.rb
        roll = rb(4)
        if roll < 7:
            tpl = _TOPICAL[st.topic.name]
        elif roll < 15:
            tpl = _GENERIC
        else:
            tpl = _QUOTES
        return _render(tpl[rb(16) % len(tpl)], st, rb)

    def paragraph(self, st: _Story, dateline: bool = False) -> str:
        rb = self.rb
        target = _SENTENCE_COUNTS[rb(4)]
        sentences: list[str] = []
        words = 0
        if rb(3) == 0:
            s = _render(_QUOTES[rb(16) % len(_QUOTES)], st, rb)
            sentences.append(s)
            words += s.count(" ") + 1
        while len(sentences) < target or words < 15:
            s = self.sentence(st)
            w = s.count(" ") + 1
            if words + w > 120 and sentences:
                break
            sentences.append(s)
            words += w
        text = " ".join(sentences)
        if dateline:
            text = self.dateline(st) + text
        return text

    def dateline(self, st: _Story) -> str:
        rb = self.rb
        outlet = WIRE_OUTLETS[rb(4) % len(WIRE_OUTLETS)]
        dash = "—" if outlet == "AP" else "-"
        if outlet == "AP" and rb(1):
            return f"{st.city} ({outlet}) {dash} "
        return f"{st.city}, {MONTH_ABBR[st.month].rstrip('.')} {st.day} ({outlet}) {dash} "

    def headline(self, st: _Story) -> str:
        tpl = _HEADLINES[st.topic.name]
        return _render(tpl[self.rb(16) % len(tpl)], st, self.rb)


def news_paragraphs(n: int, seed: int = 0) -> list[str]:
    """``n`` distinct news paragraphs, the same list for the same ``seed``.

    Paragraphs come in runs about one story (a cast of people, places,
    organisations and figures drawn from one of a dozen topics), so runs share
    most of their vocabulary; about one in twelve opens with a wire dateline.
    """
    src = _ParagraphSource(seed, n_stories=max(12, n // 40))
    out: list[str] = []
    seen: set[str] = set()
    rb = src.rb
    st = src.random_story()
    while len(out) < n:
        if rb(3) < 2:
            st = src.random_story()
        para = src.paragraph(st, dateline=rb(5) < 3)
        if para in seen:
            continue
        seen.add(para)
        out.append(para)
    return out
