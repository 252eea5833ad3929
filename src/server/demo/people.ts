import { PLACES, SPANISH_PLACES, type Place } from '@/server/demo/catalog'
import type { Rng } from '@/server/demo/prng'

const FIRST_NAMES = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Karen',
  'Chris',
  'Nancy',
  'Kevin',
  'Lisa',
  'Brian',
  'Betty',
  'George',
  'Sandra',
  'Tim',
  'Ashley',
  'Jason',
  'Kimberly',
  'Jeff',
  'Donna',
  'Ryan',
  'Michelle',
  'Jacob',
  'Amanda',
  'Gary',
  'Melissa',
  'Nick',
  'Stephanie',
  'Eric',
  'Rebecca',
  'Jonathan',
  'Laura',
  'Justin',
  'Emma',
  'Scott',
  'Olivia',
  'Brandon',
  'Grace',
  'Wei',
  'Yuki',
  'Arjun',
  'Zara',
  'Oluwaseun',
  'Ingrid',
  'Mateo',
  'Leila',
  'Siobhan',
  'Dmitri',
]

const LAST_NAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Miller',
  'Davis',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Hill',
  'Green',
  'Adams',
  'Baker',
  'Nelson',
  'Carter',
  'Mitchell',
  'Roberts',
  'Turner',
  'Phillips',
  'Campbell',
  'Parker',
  'Evans',
  'Nguyen',
  'Kowalski',
  "O'Brien",
  'Tanaka',
  'Okonkwo',
  'Lindqvist',
  'Rossi',
  'Novak',
  'Murphy',
  'Singh',
]

const SPANISH_FIRST = [
  'María',
  'José',
  'Lucía',
  'Javier',
  'Carmen',
  'Alejandro',
  'Valentina',
  'Andrés',
  'Isabel',
  'Miguel',
  'Camila',
  'Raúl',
]
const SPANISH_LAST = [
  'García',
  'Fernández',
  'López',
  'Martínez',
  'González',
  'Rodríguez',
  'Sánchez',
  'Pérez',
  'Gómez',
  'Díaz',
  'Torres',
  'Ruiz',
]

const PUBLIC_FIRST_OCTETS = [24, 47, 68, 73, 76, 81, 98, 104, 108, 142, 151, 173, 185, 203, 212]

const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example']

export interface Consumer {
  participantId: string
  firstName: string
  lastName: string
  email: string
  phone: string
  /** Private identifier (customer number) for authenticated consumers. */
  customerId: string
  authenticated: boolean
  spanish: boolean
  vip: boolean
  hasAvatar: boolean
  place: Place
  ipAddress: string
  birthYear: number
  gender: 'MALE' | 'FEMALE' | 'OTHER'
}

function asciiLower(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f']/g, '')
    .toLowerCase()
}

export function makeConsumer(
  rng: Rng,
  options: { spanish?: boolean; authenticated?: boolean } = {},
): Consumer {
  const spanish = options.spanish ?? rng.chance(0.08)
  const firstName = spanish ? rng.pick(SPANISH_FIRST) : rng.pick(FIRST_NAMES)
  const lastName = spanish ? rng.pick(SPANISH_LAST) : rng.pick(LAST_NAMES)
  const style = rng.int(0, 3)
  const f = asciiLower(firstName)
  const l = asciiLower(lastName)
  const local =
    style === 0
      ? `${f}.${l}`
      : style === 1
        ? `${f[0] ?? 'x'}${l}${rng.int(1, 99)}`
        : style === 2
          ? `${f}${l}`
          : `${f}_${l}${rng.int(70, 99)}`
  const place = spanish ? rng.pick(SPANISH_PLACES) : rng.pick(PLACES)
  const phone =
    place.countryCode === 'ES'
      ? `+34 6${rng.digits(2)} ${rng.digits(3)} ${rng.digits(3)}`
      : place.countryCode === 'MX'
        ? `+52 55 ${rng.digits(4)} ${rng.digits(4)}`
        : place.countryCode === 'GB'
          ? `+44 7700 900${rng.int(100, 999)}`
          : place.countryCode === 'DE'
            ? `+49 30 ${rng.digits(8)}`
            : `+1 (${rng.int(201, 989)}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`
  return {
    participantId: rng.uuid(),
    firstName,
    lastName,
    email: `${local}@${rng.pick(EMAIL_DOMAINS)}`,
    phone,
    customerId: `CUST-${rng.digits(7)}`,
    authenticated: options.authenticated ?? rng.chance(0.72),
    spanish,
    vip: rng.chance(0.06),
    hasAvatar: rng.chance(0.3),
    place,
    ipAddress: `${rng.pick(PUBLIC_FIRST_OCTETS)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    birthYear: rng.int(1950, 2004),
    gender: rng.weighted(['MALE', 'FEMALE', 'OTHER'] as const, [48, 48, 4]),
  }
}
