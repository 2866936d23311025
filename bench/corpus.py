"""Synthetic news corpora for benchmarks.

``news_paragraphs`` yields realistic English news paragraphs from sentence
templates whose slots are filled from per-story casts, so paragraphs of one
story share names, places and figures without being copies of each other.
``write_corpus`` lays such paragraphs out as article files in the two shapes
tearsheet reads (live blogs and aggregator pages) and plants known repeats.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from dataclasses import asdict, dataclass, field
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
        countries=_split("Ukraine;Russia;Belarus"),
        nouns=_split(
            "civilians;soldiers;troops;residents;people;servicemen"
        ),
        issues=_split(
            "the summer offensive;the front line;the air defense network;the overnight attack;"
            "the mobilization drive;the cross-border incursion;the drone campaign"
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
            "Russia launched {N1} drones and {N0} ballistic missiles against {PL} overnight, {ORG} reported.;"
            "Air defenses shot down {N1} drones over {PL} and neighbouring regions, according to {ORG}.;"
            "As of {BDL}, Russia has lost a total of {N2} troops since the full-scale invasion began, {ORG} reported.;"
            "{ORG} said its forces had repelled {SN} assaults near {PL} over the past 24 hours.;"
            "The strike on {PL} damaged {N0} residential buildings and left thousands of households without power.;"
            "Russia has gained ground around {PL} in recent months but at the cost of heavy casualties as well as equipment losses.;"
            "Fighting remains most intense near {PL}, where {ORG} counted {N1} clashes {D}.;"
            "{S} said the attack on {PL} was the largest since {ISS} began.;"
            "Rescue workers pulled {N0} people from the rubble in {PL}, {ORG} said {D}.;"
            "The estimate likely includes those killed, captured, wounded, and missing.;"
            "Explosions were heard in Kyiv overnight as air defenses engaged targets over {PL}.;"
            "Kyiv has not commented on the claims about {PL}.;"
            "Moscow does not disclose its casualty figures, though an official said {D} that the ministry had received {N2} requests to identify missing soldiers."
        ),
        headlines=_split(
            "Russia launches {N1} drones against {PL} overnight;"
            "Missile strike on {PL} injures {N0}, governor says;"
            "Ukraine repels assaults near {PL};"
            "Over {N2} Russian soldiers killed in Ukraine identified by media investigation;"
            "Air defenses down {N1} drones over {PL}"
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
        nouns=_split("delegates;prisoners;officials;diplomats;civilians"),
        issues=_split(
            "a 30-day ceasefire;the peace process;the security guarantee plan;the Russian initiative;"
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
            "The negotiations focused on {ISS} and a prisoner exchange, according to {P}, who said the sides had agreed to swap {N1} prisoners each.;"
            "{CTRY} has insisted on {ISS} before any broader negotiations begin.;"
            "{P} said {D} he will travel to {PL} for peace talks in response to Moscow rejecting {ISS}.;"
            "The {ADJ} side presented a list of {N0} conditions that it said must be met before a summit.;"
            "{ORG} said it was ready to provide a venue and assist in organizing the negotiations.;"
            "Kyiv and its European allies have called the Russian terms unacceptable.;"
            "{S} said Moscow was ready to hear what Kyiv had to offer {D}.;"
            "Officials in {PL} said a second round could take place {D} if both delegations agree."
        ),
        headlines=_split(
            "Moscow and Kyiv agree to swap {N1} prisoners after talks in {PL};"
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
            "Russia returned {N1} bodies to Ukraine and received the remains of {N0} Russian soldiers in exchange, {P} said.;"
            "{ORG} confirmed {ISS} in a Telegram post, saying Kyiv had received the bodies of {N1} servicemen.;"
            "Similar swaps have been carried out on a monthly basis.;"
            "{D}, Russia handed {N1} bodies to Ukraine in exchange for the remains of {N0} troops.;"
            "{D}, the sides exchanged the remains of {N1} Ukrainian servicemen for the bodies of {N0} Russians.;"
            "{S} wrote in Telegram {D} that many of the bodies belonged to servicemen killed during the incursion into {PL}.;"
            "The operation was coordinated with {ORG}, it added.;"
            "It did not disclose how many of Russia's fallen soldiers were handed over.;"
            "Among those freed were {N1} prisoners, including several who had been held since 2022, {ORG} said."
        ),
        headlines=_split(
            "Moscow and Kiev exchange remains of fallen soldiers;"
            "Ukraine receives {N1} bodies in latest repatriation;"
            "{N1} prisoners return home in exchange mediated by {ORG}"
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
        nouns=_split("tankers;entities;vessels;banks;companies;individuals"),
        issues=_split(
            "the 18th sanctions package;the gas ban;the oil price cap;the shadow fleet;"
            "the use of frozen assets;the LNG import ban;the transit agreement"
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
            "The new measures add {N1} entities to the list and lower the price cap to ${N0} per barrel.;"
            "{CTRY} has threatened to veto {ISS} unless it receives an exemption for pipeline supplies.;"
            "Revenues from oil exports fell {PCT} {D}, {ORG} said in its monthly report.;"
            "Officials estimate that {M} in assets remain frozen in {PL}.;"
            "{S} said {ISS} would cost European households {M} a year.;"
            "The list targets {NN} accused of helping Moscow evade restrictions."
        ),
        headlines=_split(
            "EU wants to prolong Ukraine conflict, says {S};"
            "EU adopts {ISS};"
            "Brussels targets {N1} tankers in new sanctions;"
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
        nouns=_split("jobs;workers;companies;households;firms"),
        issues=_split(
            "inflation;the rate outlook;the tariff plan;the budget deficit;consumer spending;"
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
            "Consumer prices rose {PCT} in the year to {MON}, down from {PCTF} a month earlier, {ORG} said.;"
            "{ORG} held its benchmark rate at {PCT} {D}, in line with expectations.;"
            "The economy added {N2} jobs {D}, beating forecasts of {N2F}.;"
            "{P} said the bank would cut rates by 25 basis points if inflation keeps easing.;"
            "{CTRY} posted a trade surplus of {M} {D}, the largest on record.;"
            "Economists polled by Reuters expect growth of {PCT} this year, down from {PCTF} in 2024.;"
            "The yield on 10-year Treasuries climbed to {PCT} after the data.;"
            "{S} warned that {ISS} could shave {PCT} off global output.;"
            "The government plans to borrow an extra {M} to cover the shortfall."
        ),
        headlines=_split(
            "{ORG} holds rates at {PCT};"
            "Inflation eases to {PCT} in {MON};"
            "Economy adds {N2} jobs, beating forecasts;"
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
        places=_split("Washington;New York;Florida;California;Texas;Philadelphia"),
        orgs=_split(
            "Congress;the Senate;the House Appropriations Committee;the Pentagon;"
            "the Supreme Court;the Department of Justice;the White House"
        ),
        countries=_split("the United States;Ukraine;Canada;Mexico;China"),
        nouns=_split("federal workers;lawmakers;troops;migrants;employees"),
        issues=_split(
            "the spending bill;the tariff plan;military aid for Ukraine;the budget;"
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
            "The House passed {ISS} by {N1} votes to {N1F} {D}.;"
            "The administration rerouted some {N2} anti-drone missiles initially earmarked for Kyiv to the Middle East, the Ukrainian leader claimed.;"
            "{S} signed {N0} executive orders {D}, including one on {ISS}.;"
            "A federal judge in {PL} blocked part of {ISS} {D}, saying it likely exceeded presidential authority."
        ),
        headlines=_split(
            "US to cut Ukraine aid;"
            "House passes {ISS};"
            "{S} signs {N0} executive orders;"
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
        nouns=_split("homes;residents;people;households;schools"),
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
            "{ISS} forced {N2} residents to leave their homes in {PL} {D}.;"
            "At least {N0} people were killed and {N0} remain missing after {ISS} hit {PL}, {ORG} said.;"
            "{ORG} issued a warning for {PL}, forecasting up to {N0} inches of rain.;"
            "The blaze has burned more than {N2} acres and destroyed {N1} structures.;"
            "{S} said damages could exceed {M} once the water recedes.;"
            "Airlines cancelled {N1} flights at airports across {PL} {D}.;"
            "Power was restored to {PCT} of customers by Sunday evening, the utility said."
        ),
        headlines=_split(
            "{ISS} kills {N0} in {PL};"
            "Thousands evacuated as {ISS} hits {PL};"
            "{N1} flights cancelled across {PL}"
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
        nouns=_split("cases;patients;children;health workers;adults"),
        issues=_split(
            "the measles outbreak;the vaccine rollout;the cholera outbreak;the funding freeze;"
            "the waiting list crisis;the pandemic treaty"
        ),
        quotes=_split(
            "Vaccines remain the best protection we have;"
            "The health system is on its knees;"
            "These cuts will cost lives;"
            "We are seeing cases in places that had not reported any for years"
        ),
        templates=_split(
            "{ORG} confirmed {N1} cases linked to {ISS} in {PL} {D}.;"
            "The number of {NOUN} rose {PCT} compared with the same period last year.;"
            "{S} said {ISS} was now the largest in decades.;"
            "Officials have distributed {N2} doses to clinics across {PL}.;"
            "{ORG} said it needed {M} to respond to {ISS} over the next six months.;"
            "Most of the {NOUN} were unvaccinated, according to {ORG}."
        ),
        headlines=_split(
            "{ISS} spreads to {PL};"
            "{N1} cases confirmed as {ISS} grows;"
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
        nouns=_split("users;employees;subscribers;accounts;companies"),
        issues=_split(
            "the AI Act;the export control regime;the antitrust case;the data center build-out;"
            "the chip shortage;the content moderation law"
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
            "The company now has {N2} employees, up from {N1F} five years ago.;"
            "{ORG} was fined {M} for breaching {ISS}, officials said {D}.;"
            "{CTRY} tightened {ISS} on advanced chips {D}.;"
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
        nouns=_split("people;Palestinians;hostages;aid workers;civilians"),
        issues=_split(
            "the ceasefire deal;humanitarian aid;the hostage deal;the nuclear deal;"
            "the blockade;the military operation"
        ),
        quotes=_split(
            "We are closer than we have been in months;"
            "Starvation must never be used as a weapon of war;"
            "The hostages must come home;"
            "Diplomacy is the only way forward"
        ),
        templates=_split(
            "{ORG} said {N1} people were killed in strikes across {PL} {D}.;"
            "Only {N1} aid trucks entered {PL} {D}, far below the 600 a day aid agencies say are needed.;"
            "Mediators in {PL} said {ISS} could be concluded within days.;"
            "{S} said {ISS} hinged on the release of {N0} hostages.;"
            "{ORG} accused the other side of violating {ISS}.;"
            "{P2} met {SL} in {PL} {D} to discuss {ISS}."
        ),
        headlines=_split(
            "Strikes kill {N1} in {PL};"
            "Mediators push for {ISS};"
            "Only {N1} aid trucks reach {PL}"
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
        nouns=_split("diplomats;voters;lawmakers;officials;citizens"),
        issues=_split(
            "the spying scandal;the minority rights dispute;the accession process;"
            "the election;the defense spending target;the coalition deal"
        ),
        quotes=_split(
            "Hungary will not be intimidated;"
            "This is an unfriendly step that we cannot leave unanswered;"
            "Europe has to take responsibility for its own security;"
            "The voters have sent a very clear message"
        ),
        templates=_split(
            "Hungary cancelled a meeting planned {D} with a Ukrainian delegation on {ISS}, {P} said, amid a deepening spying scandal between the two countries.;"
            "{CTRY} expelled {N0} diplomats {D} in response to {ISS}.;"
            "{S} said {ISS} would not affect support for Ukraine's reconstruction.;"
            "{ORG} voted {N1} to {N1F} in favour of the motion {D}.;"
            "Turnout reached {PCT}, the highest since 1990, according to official figures.;"
            "{P} pledged to raise defense spending to {PCT} of GDP by 2030."
        ),
        headlines=_split(
            "Hungary cancels talks with Ukraine amid {ISS};"
            "{CTRY} expels {N0} diplomats;"
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
    "Support for {ISS} fell to {PCT} in the latest poll, down from {PCTF} {D}.;"
    "The journalists note that the actual figures are likely significantly higher.;"
    "{S} has made {ISS} a central priority for the coming months.;"
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
    "Independent analysts estimate that {NN} were involved, a figure officials dispute.;"
    "{ORG} said {NN} and {NNF} were recorded {D}.;"
    "About {PCT} of respondents said {ISS} should be the priority.;"
    "In {MON}, {ORG} estimated the total at {M}.;"
    "The latest report covers the period from {BD} to {BDL}.;"
    "{SL} was speaking at a press conference in {PL} alongside {P2}.;"
    "Neither side has commented on the reports.;"
    "The total now includes {NN}, {NN}, and nearly {N2} {NOUN}, according to {ORG}.;"
    "{P}, who has been in office since {YEAR}, faces growing criticism over {ISS}.;"
    "{ORG} did not say when {ISS} would take effect.;"
    "Negotiators met for {SN} hours in {PL} {D} without reaching agreement on {ISS}.;"
    "{ORG} estimated in a report that around {N2} {NOUN} had been affected since {YEAR}.;"
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
FIRST_YEAR, FIRST_MONTH, SPAN_MONTHS = 2024, 10, 8
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
    year: int


_SLOT_RE = re.compile(r"\{(\w+)\}")
_Filler = Callable[[_Story, Callable[[int], int]], str]


def _fmt_count(value: int) -> str:
    return f"{value:,}"


def _count_at(scale: int, rb: Callable[[int], int]) -> str:
    """A count: scale 0 is 2-49, 1 is 20-999, 2 is 1,000-120,000 (often rounded)."""
    if scale == 0:
        return str(2 + rb(6) % 48)
    if scale == 1:
        return str(20 + rb(10) % 980)
    value = 1000 + rb(17) % 119000
    if rb(2) == 0:
        value = round(value, -3)
    return _fmt_count(value)


def _fresh_count(rb: Callable[[int], int]) -> str:
    return _count_at((0, 0, 1, 1, 1, 2, 2, 2)[rb(3)], rb)


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
    return f"{MONTHS[rb(4) % 12]} {1 + rb(5) % 28}, {2022 + rb(1)}"


def _make_story(topic: Topic, rng: random.Random) -> _Story:
    rb = rng.getrandbits
    offset = FIRST_MONTH + rng.randrange(SPAN_MONTHS)
    month = offset % 12
    people = rng.sample(topic.people, min(len(topic.people), rng.randint(3, 5)))
    lead = people[0]
    places = rng.sample(topic.places, min(len(topic.places), 3))
    orgs = rng.sample(topic.orgs, min(len(topic.orgs), 3))
    countries = rng.sample(topic.countries, 2)
    nouns = rng.sample(topic.nouns, min(len(topic.nouns), 3))
    issues = rng.sample(topic.issues, min(len(topic.issues), 2))
    quotes = rng.sample(topic.quotes, min(len(topic.quotes), 3))
    scaled = [tuple(_count_at(scale, rb) for _ in range(2)) for scale in range(3)]
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
        "N0": scaled[0],
        "N1": scaled[1],
        "N2": scaled[2],
        "N": scaled[0] + scaled[1] + scaled[2],
        "BDL": (f"{MONTHS[month]} {1 + rng.randrange(28)}, {FIRST_YEAR + offset // 12}",),
        "M": tuple(_fresh_money(rb) for _ in range(2)),
        "PCT": tuple(_fresh_pct(rb) for _ in range(2)),
        "D": tuple(_fresh_date(rb, month) for _ in range(3)),
        "OUT": (rng.choice(OUTLETS),),
    }
    city = rng.choice(DATELINE_CITIES.get(topic.name, ("LONDON",)))
    return _Story(topic, pools, city, month, 1 + rng.randrange(28), FIRST_YEAR + offset // 12)


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
        count = counts[rb(16) % len(counts)]
    else:
        count = _fresh_count(rb)
    if rb(2) == 0:
        count = QUALIFIERS[rb(3)] + count
    return f"{count} {noun}"


FOLLOW_UPS: tuple[str, ...] = _split(
    "That is our position and it will not change;We will not stop;Nobody should be under any illusions;"
    "Time is running out;The rest is up to them;We have said this many times;"
    "This is only the beginning;Everyone knows what needs to be done"
)


def _fill_q2(st: _Story, rb: Callable[[int], int]) -> str:
    return FOLLOW_UPS[rb(16) % len(FOLLOW_UPS)]


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
    "N0": _mixed("N0", lambda rb: _count_at(0, rb), 5),
    "N1": _mixed("N1", lambda rb: _count_at(1, rb), 5),
    "N2": _mixed("N2", lambda rb: _count_at(2, rb), 5),
    "BDL": _pool("BDL"),
    "N1F": lambda st, rb: _count_at(1, rb),
    "N2F": lambda st, rb: _count_at(2, rb),
    "PCTF": lambda st, rb: _fresh_pct(rb),
    "NNF": lambda st, rb: f"{_fresh_count(rb)} {st.pools['NOUN'][rb(16) % len(st.pools['NOUN'])]}",
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

    def sentence(self, st: _Story) -> tuple[str, int]:
        """A sentence and the number of slots filled in it."""
        rb = self.rb
        roll = rb(4)
        if roll < 7:
            tpl = _TOPICAL[st.topic.name]
        elif roll < 15:
            tpl = _GENERIC
        else:
            tpl = _QUOTES
        compiled = tpl[rb(16) % len(tpl)]
        return _render(compiled, st, rb), len(compiled[1])

    def paragraph(self, st: _Story, dateline: bool = False) -> str:
        return " ".join(self.sentences(st, dateline))

    def sentences(self, st: _Story, dateline: bool = False, most: int = 5, wire: str | None = None) -> list[str]:
        """One paragraph as its sentences: 1 to ``most`` of them, 15-120 words,
        with at least three filled slots so that stock sentences never stand
        alone; with ``wire`` (an outlet) or ``dateline`` the first opens with a
        dateline."""
        rb = self.rb
        target = min(most, _SENTENCE_COUNTS[rb(4)])
        sentences: list[str] = []
        words = slots = 0
        if rb(3) == 0:
            compiled = _QUOTES[rb(16) % len(_QUOTES)]
            s = _render(compiled, st, rb)
            sentences.append(s)
            words += s.count(" ") + 1
            slots += len(compiled[1])
        while len(sentences) < target or words < 15 or slots < 3:
            s, n = self.sentence(st)
            if s in sentences:
                continue
            w = s.count(" ") + 1
            if words + w > 120 and sentences:
                break
            sentences.append(s)
            words += w
            slots += n
        if dateline or wire:
            sentences[0] = self.dateline(st, wire) + sentences[0]
        return sentences

    def dateline(self, st: _Story, outlet: str | None = None) -> str:
        rb = self.rb
        outlet = outlet or WIRE_OUTLETS[rb(4) % len(WIRE_OUTLETS)]
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


TOPIC_GROUPS: dict[str, tuple[str, ...]] = {
    "frontline": ("frontline", "frontline", "talks", "exchange", "sanctions", "europe", "washington"),
    "talks": ("talks", "frontline", "exchange", "sanctions", "europe", "washington"),
    "exchange": ("exchange", "frontline", "talks", "europe"),
    "sanctions": ("sanctions", "frontline", "talks", "europe", "economy"),
    "economy": ("economy", "economy", "tech", "washington", "sanctions"),
    "washington": ("washington", "economy", "talks", "mideast", "frontline"),
    "weather": ("weather", "weather", "health", "washington"),
    "health": ("health", "health", "weather", "washington"),
    "tech": ("tech", "tech", "economy", "washington"),
    "mideast": ("mideast", "mideast", "talks", "washington", "europe"),
    "europe": ("europe", "frontline", "talks", "sanctions", "exchange"),
}
_TOPIC_INDEX = {t.name: i for i, t in enumerate(TOPICS)}

AGGREGATOR_OUTLETS: tuple[str, ...] = (
    "Russia Today", "Reuters", "Associated Press", "Kyiv Post", "Al Jazeera", "The Guardian",
    "Bloomberg", "Anadolu Agency", "Euronews", "Sky News", "Xinhua", "Kyiv Independent",
)
KIEV_STYLE_OUTLETS = frozenset({"Russia Today", "Xinhua"})
WIRE_STYLE_OUTLETS = {"Reuters": "Reuters", "Associated Press": "AP", "Bloomberg": "Bloomberg"}

SPELLINGS: tuple[tuple[str, str], ...] = (
    ("Kyiv", "Kiev"),
    ("Kharkiv", "Kharkov"),
    ("Odesa", "Odessa"),
    ("Zaporizhzhia", "Zaporozhye"),
    ("Kursk Oblast", "Kursk Region"),
    ("Donetsk Oblast", "Donetsk Region"),
)

SYNONYMS: dict[str, str] = {
    "said": "stated",
    "told": "informed",
    "more than": "over",
    "about": "around",
    "nearly": "almost",
    "is expected": "is set",
    "main": "key",
    "largest": "biggest",
    "warned": "cautioned",
    "months": "weeks",
    "officials": "authorities",
    "statement": "release",
    "confirmed": "acknowledged",
    "would": "will",
    "significantly": "substantially",
    "heavy": "severe",
    "rejected": "dismissed",
    "pledged": "promised",
    "begin": "start",
    "rose": "climbed",
    "fell": "dropped",
}
_SYNONYM_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b")
_NUMBER_RE = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d+(?![\d,])")

CLAUSES: tuple[str, ...] = (
    ", according to officials",
    ", citing sources familiar with the matter",
    ", according to local media",
    ", officials said",
    ", a statement said",
    ", according to a report",
)

BOILERPLATE_BLOCKS: tuple[tuple[str, ...], ...] = (
    ("Orange background",),
    ("Try Our AI Features", "Explore what Daily8 AI can do for you:"),
    ("Comments", "No comments yet..."),
    ("Comments", "Be the first to comment"),
    ("Advertisement",),
    ("ADVERTISEMENT",),
    ("Share this article",),
    ("Share", "Facebook", "X", "WhatsApp", "Email"),
    ("We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.",
     "Accept all cookies", "Manage preferences"),
    ("This site uses cookies. Read our Privacy Policy for details.", "Accept"),
    ("Sign up for our daily newsletter", "Get the latest headlines delivered to your inbox every morning.", "Subscribe"),
    ("Newsletter", "The best of our journalism, straight to your inbox."),
    ("Follow us on Telegram",),
    ("Most Read",),
    ("Read more",),
    ("Listen to this article", "4 min read"),
    ("Image source: Getty Images",),
    ("© 2025 All rights reserved.",),
)
APP_BLOCKS: tuple[tuple[str, ...], ...] = (
    ("DOWNLOAD THE APP", "", "Get Started Now: Download the App", "",
     "Ready to dive into the world of global news and events? Download our app today from your "
     "preferred app store and start exploring.", "app-storeplay-store"),
    ("Get the app", "", "Read the news on the go with our free app for iPhone and Android.", "",
     "App StoreGoogle Play"),
    ("DOWNLOAD THE APP", "", "app-storeplay-store"),
)
RELATED_HEADINGS: tuple[str, ...] = ("Related Articles", "Related Articles", "Related Stories", "More on this story", "Read more")
RELATIVE_TIMES: tuple[str, ...] = (
    "timean hour ago", "time2 hours ago", "time3 hours ago", "time5 hours ago", "time30 minutes ago",
    "timea day ago",
)


@dataclass(frozen=True)
class RepeatPair:
    """A paragraph planted twice. ``original`` ends a line of ``source`` (after
    the live-blog date header or a dateline, if any); ``variant`` ends a line of
    ``target`` or, for ``kind == "related"``, is part of one. Paths are relative
    to the corpus directory.

    kind: exact, spelling, number, word, clause, dropped (syndicated copies),
    lead (a live blog repeating its own lead), related (an aggregator page
    carrying another file's article as a related article).
    """

    kind: str
    source: str
    target: str
    original: str
    variant: str


@dataclass
class CorpusStats:
    directory: Path
    files: int = 0
    bytes: int = 0
    paragraphs: int = 0
    live_blogs: int = 0
    aggregator_pages: int = 0
    repeat_pairs: list[RepeatPair] = field(default_factory=list)

    @property
    def planted(self) -> int:
        return len(self.repeat_pairs)

    def kinds(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for pair in self.repeat_pairs:
            counts[pair.kind] = counts.get(pair.kind, 0) + 1
        return counts


@dataclass
class _Placed:
    """A paragraph as written, kept so later files can syndicate it."""

    path: str
    sentences: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass
class _Body:
    path: str
    outlet: str
    headline: str
    paragraphs: list[str]


class _Writer:
    pending_path = "\0pending"

    def __init__(self, directory: Path, n_articles: int, seed: int, repeat_rate: float) -> None:
        self.directory = directory
        self.seed = seed
        self.repeat_rate = repeat_rate
        n_stories = max(1, n_articles // 4 // len(TOPICS)) * len(TOPICS)
        self.src = _ParagraphSource(seed, n_stories)
        self.rng = random.Random(seed ^ 0x5EED)
        self.recent: dict[int, list[_Placed]] = {}
        self.bodies: dict[int, list[_Body]] = {}
        self.stats = CorpusStats(directory)
        self.width = max(3, len(str(n_articles - 1)))
        self.placed_now: list[_Placed] = []
        self.bodies_now: list[_Body] = []

    def write(self, index: int) -> None:
        rng = self.rng
        self.placed_now = []
        self.bodies_now = []
        story_index = rng.randrange(self.src.n_stories)
        st = self.src.story(story_index)
        folder = f"{st.year}-{st.month + 1:02d}"
        pairs: list[RepeatPair] = []
        if rng.random() < 0.5:
            text, n_paras = self.live_blog(story_index, st, pairs)
            self.stats.live_blogs += 1
        else:
            text, n_paras = self.aggregator(story_index, st, pairs)
            self.stats.aggregator_pages += 1
        if rng.random() < 0.3:
            text += "\n"
        data = text.encode("utf-8")
        name = f"{index:0{self.width}d}_{_digest(data)}.txt"
        rel = f"{folder}/{name}"
        target = self.directory / folder
        target.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(data)
        pending = self.pending_path
        for pair in pairs:
            self.stats.repeat_pairs.append(
                RepeatPair(
                    pair.kind,
                    rel if pair.source == pending else pair.source,
                    rel if pair.target == pending else pair.target,
                    pair.original,
                    pair.variant,
                )
            )
        for placed in self.placed_now:
            placed.path = rel
        for body in self.bodies_now:
            body.path = rel
        self.stats.files += 1
        self.stats.bytes += len(data)
        self.stats.paragraphs += n_paras

    def body_paragraph(
        self, story_index: int, st: _Story, pairs: list[RepeatPair], *, style: Callable[[str], str],
        wire: str | None = None, most: int = 5,
    ) -> str:
        """A fresh paragraph, or with ``repeat_rate`` a copy of one from another file on the story."""
        rng = self.rng
        pool = self.recent.get(story_index)
        origin = pool[rng.randrange(len(pool))] if pool and not wire and rng.random() < self.repeat_rate else None
        if origin is not None and origin.path != self.pending_path:
            kind, sentences = _edit(origin.sentences, rng)
            variant = " ".join(sentences)
            pairs.append(RepeatPair(kind, origin.path, self.pending_path, origin.text, variant))
            return variant
        sentences = [style(s) for s in self.src.sentences(st, wire=wire, most=most)]
        placed = _Placed(self.pending_path, sentences)
        self.placed_now.append(placed)
        pool = self.recent.setdefault(story_index, [])
        pool.append(placed)
        if len(pool) > 40:
            del pool[: len(pool) - 40]
        return placed.text

    def live_blog(self, story_index: int, st: _Story, pairs: list[RepeatPair]) -> tuple[str, int]:
        rng = self.rng
        src = self.src
        curly = rng.random() < 0.5

        def style(s: str) -> str:
            return s.replace("'", "\u2019") if curly and rng.random() < 0.4 else s

        lines: list[str] = []
        headlines = 1
        for _ in range(rng.randint(4, 14)):
            other = self.nearby_story(st)
            lines.append(self.body_paragraph(other, src.story(other), pairs, style=style, most=2))
        main: list[str] = [src.headline(st)]
        n_main = rng.randint(6, 16)
        for j in range(n_main):
            wire = WIRE_OUTLETS[rng.randrange(len(WIRE_OUTLETS))] if j == 0 and rng.random() < 0.2 else None
            main.append(self.body_paragraph(story_index, st, pairs, style=style, wire=wire))
        lead = main[min(2, len(main) - 1)]
        if rng.random() < 0.85:
            lines.insert(0, lead)
            pairs.append(RepeatPair("lead", self.pending_path, self.pending_path, lead, lead))
        if rng.random() < 0.3:
            second = self.nearby_story(st)
            main.append(src.headline(src.story(second)))
            headlines += 1
            for _ in range(rng.randint(3, 8)):
                main.append(self.body_paragraph(second, src.story(second), pairs, style=style))
        lines.extend(main)
        date = f"{st.year}-{st.month + 1:02d}-{st.day:02d}"
        lines[0] = f" date {date} {lines[0]}"
        n_paras = len(lines) - headlines
        return "\n".join(lines), n_paras

    def aggregator(self, story_index: int, st: _Story, pairs: list[RepeatPair]) -> tuple[str, int]:
        rng = self.rng
        src = self.src
        outlet = rng.choice(AGGREGATOR_OUTLETS)
        kiev = outlet in KIEV_STYLE_OUTLETS

        def style(s: str) -> str:
            if kiev:
                for modern, old in SPELLINGS:
                    s = s.replace(modern, old)
            return s

        title = style(src.headline(st))
        blocks: list[str] = ["logo\n" + title if rng.random() < 0.7 else title, title]
        date = f"{st.day:02d}-{st.month + 1:02d}-{st.year}"
        blocks.append(f"{outlet}{date}")
        if rng.random() < 0.2:
            blocks.append("\n".join(rng.choice(BOILERPLATE_BLOCKS[14:17])))
        n_body = rng.randint(4, 14)
        wire = WIRE_STYLE_OUTLETS.get(outlet)
        body = [
            self.body_paragraph(story_index, st, pairs, style=style, wire=wire if j == 0 else None)
            for j in range(n_body)
        ]
        self.bodies_now.append(_Body(self.pending_path, outlet, title, body))
        self.bodies.setdefault(story_index, []).append(self.bodies_now[-1])
        if len(self.bodies[story_index]) > 6:
            del self.bodies[story_index][0]
        if n_body > 6 and rng.random() < 0.3:
            cut = rng.randint(2, n_body - 2)
            blocks += ["\n".join(body[:cut]), rng.choice(("Advertisement", "ADVERTISEMENT", "Read more")), "\n".join(body[cut:])]
        else:
            blocks.append("\n".join(body))
        for block in rng.sample(BOILERPLATE_BLOCKS, rng.randint(1, 4)):
            blocks.append("\n\n".join(block) if len(block) <= 2 and rng.random() < 0.5 else "\n".join(block))
        n_paras = n_body
        if rng.random() < 0.6:
            blocks.append(rng.choice(RELATED_HEADINGS))
            for _ in range(rng.randint(1, 3)):
                blocks.extend(self.related(story_index, pairs))
                n_paras += 1
        if rng.random() < 0.6:
            blocks.append("\n".join(rng.choice(APP_BLOCKS)))
        return "\n\n".join(blocks), n_paras

    def nearby_story(self, st: _Story) -> int:
        """A story on the same topic or one a reader of it would also follow."""
        group = TOPIC_GROUPS[st.topic.name]
        n_topics = len(TOPICS)
        topic = _TOPIC_INDEX[group[self.rng.randrange(len(group))]]
        return self.rng.randrange(self.src.n_stories // n_topics) * n_topics + topic

    def related(self, story_index: int, pairs: list[RepeatPair]) -> list[str]:
        rng = self.rng
        src = self.src
        step = len(TOPICS) * rng.randint(1, 3)
        other = (story_index + step) % src.n_stories
        candidates = self.bodies.get(other, [])
        if candidates and rng.random() < 0.7:
            body = candidates[rng.randrange(len(candidates))]
            if body.path != self.pending_path:
                for para in body.paragraphs:
                    pairs.append(RepeatPair("related", body.path, self.pending_path, para, para))
                outlet, headline, paras = body.outlet, body.headline, body.paragraphs
            else:
                outlet, headline, paras = self.fresh_related(other)
        else:
            outlet, headline, paras = self.fresh_related(other)
        when = rng.choice(RELATIVE_TIMES)
        return [f"{headline}\n{headline}", outlet, when, f"  \u2022 {outlet}", headline, " ".join(paras)]

    def fresh_related(self, story_index: int) -> tuple[str, str, list[str]]:
        st = self.src.story(story_index)
        outlet = self.rng.choice(AGGREGATOR_OUTLETS)
        paras = [self.src.paragraph(st) for _ in range(self.rng.randint(3, 9))]
        return outlet, self.src.headline(st), paras


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def _edit(sentences: list[str], rng: random.Random) -> tuple[str, list[str]]:
    """A syndicated copy: verbatim or with one small edit; returns (kind, sentences)."""
    text = " ".join(sentences)
    kinds = ["exact", "exact", "number", "word", "clause"]
    if any(a in text or b in text for a, b in SPELLINGS):
        kinds += ["spelling", "spelling"]
    if _NUMBER_RE.search(text):
        kinds += ["number"]
    if len(sentences) >= 2:
        kinds += ["dropped", "dropped"]
    rng.shuffle(kinds)
    for kind in kinds:
        out = _apply(kind, sentences, rng)
        if out is not None and (kind == "exact") == (out == sentences):
            return kind, out
    return "exact", list(sentences)


def _apply(kind: str, sentences: list[str], rng: random.Random) -> list[str] | None:
    out = list(sentences)
    if kind == "exact":
        return out
    if kind == "spelling":
        for i, s in enumerate(out):
            for modern, old in SPELLINGS:
                if modern in s:
                    out[i] = s.replace(modern, old)
                    return out
                if old in s:
                    out[i] = s.replace(old, modern)
                    return out
        return None
    if kind == "dropped":
        if len(out) < 2:
            return None
        del out[rng.randrange(1, len(out)) if rng.random() < 0.7 else 0]
        return out
    order = list(range(len(out)))
    rng.shuffle(order)
    for i in order:
        s = out[i]
        if kind == "number":
            found = list(_NUMBER_RE.finditer(s))
            if not found:
                continue
            m = found[rng.randrange(len(found))]
            value = int(m.group().replace(",", ""))
            if 1990 <= value <= 2030 and "," not in m.group():
                new = value + rng.choice((-1, 1))
            else:
                new = value + rng.choice((-1, 1)) * max(1, int(value * rng.uniform(0.02, 0.3)))
            new = new if new > 0 else value + 1
            digits = f"{new:,}" if "," in m.group() or new >= 10000 else str(new)
            out[i] = s[: m.start()] + digits + s[m.end():]
            return out
        if kind == "word":
            found = list(_SYNONYM_RE.finditer(s))
            if not found:
                continue
            m = found[rng.randrange(len(found))]
            out[i] = s[: m.start()] + SYNONYMS[m.group()] + s[m.end():]
            return out
        if kind == "clause":
            if not s.endswith(".") or s.endswith('."') or " said" in s:
                continue
            out[i] = s[:-1] + rng.choice(CLAUSES) + "."
            return out
    return None


def write_corpus(directory: Path, n_articles: int, seed: int = 0, *, repeat_rate: float = 0.1) -> CorpusStats:
    """Write ``n_articles`` article files (about 5 KB each) under ``directory``.

    About half are live blogs (one paragraph a line, ``" date YYYY-MM-DD "``
    glued to the first line, the lead repeated further down), half aggregator
    pages (blank-line blocks: title twice, outlet glued to ``DD-MM-YYYY``,
    body, boilerplate, sometimes related articles with one-line bodies, app
    prompts). With probability ``repeat_rate`` a body paragraph is a copy of
    one already written for the same story, verbatim or with one small edit.
    Files go to ``YYYY-MM`` subfolders; the same seed writes the same bytes.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    writer = _Writer(directory, n_articles, seed, repeat_rate)
    for index in range(n_articles):
        writer.write(index)
    return writer.stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description="Write a synthetic news corpus.")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat-rate", type=float, default=0.1)
    parser.add_argument("--manifest", type=Path, help="write the planted repeat pairs here as JSON lines")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    stats = write_corpus(args.directory, args.articles, args.seed, repeat_rate=args.repeat_rate)
    elapsed = time.perf_counter() - started
    if args.manifest:
        with args.manifest.open("w", encoding="utf-8") as fh:
            for pair in stats.repeat_pairs:
                fh.write(json.dumps(asdict(pair), ensure_ascii=False) + "\n")
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(stats.kinds().items()))
    print(
        f"{stats.files} files ({stats.live_blogs} live blogs, {stats.aggregator_pages} aggregator pages), "
        f"{stats.bytes / 1e6:.1f} MB, {stats.paragraphs} paragraphs, "
        f"{stats.planted} planted repeat pairs ({kinds}) in {elapsed:.1f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
