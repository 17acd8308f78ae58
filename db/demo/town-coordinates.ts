/**
 * The main town of each seeded region and its coordinates (WGS84 degrees, the town centre), so the
 * public map can place a marker there. Kept apart from the rest of the seed data; a test checks that
 * every point falls inside its region's province on the CBS boundaries the map is drawn from.
 */
export type TownCoordinates = { latitude: number; longitude: number };

export const MAIN_TOWN_COORDINATES: Readonly<Record<string, TownCoordinates>> = {
  // Zuid-Holland
  'Den Haag': { latitude: 52.0705, longitude: 4.3007 },
  Leiden: { latitude: 52.1601, longitude: 4.497 },
  'Alphen aan den Rijn': { latitude: 52.1291, longitude: 4.6553 },
  'Capelle aan den IJssel': { latitude: 51.9296, longitude: 4.5779 },
  Barendrecht: { latitude: 51.8567, longitude: 4.535 },
  Spijkenisse: { latitude: 51.845, longitude: 4.329 },
  Dordrecht: { latitude: 51.8133, longitude: 4.6901 },
  Papendrecht: { latitude: 51.8317, longitude: 4.6872 },
  Gouda: { latitude: 52.0115, longitude: 4.7105 },
  'Oud-Beijerland': { latitude: 51.823, longitude: 4.412 },
  Naaldwijk: { latitude: 51.9936, longitude: 4.2097 },
  Delft: { latitude: 52.0116, longitude: 4.3571 },
  Zoetermeer: { latitude: 52.0575, longitude: 4.4931 },
  Rotterdam: { latitude: 51.9225, longitude: 4.4792 },
  Gorinchem: { latitude: 51.8306, longitude: 4.9742 },
  // Noord-Brabant
  Eindhoven: { latitude: 51.4416, longitude: 5.4697 },
  Oss: { latitude: 51.765, longitude: 5.518 },
  'Etten-Leur': { latitude: 51.5706, longitude: 4.6356 },
  Tilburg: { latitude: 51.5555, longitude: 5.0913 },
  Breda: { latitude: 51.5719, longitude: 4.7683 },
  'Bergen op Zoom': { latitude: 51.4946, longitude: 4.2871 },
  Helmond: { latitude: 51.4793, longitude: 5.657 },
  "'s-Hertogenbosch": { latitude: 51.6978, longitude: 5.3037 },
  Boxmeer: { latitude: 51.6467, longitude: 5.9472 },
  Waalwijk: { latitude: 51.6826, longitude: 5.0706 },
  // Noord-Holland
  'Den Helder': { latitude: 52.9563, longitude: 4.7601 },
  Alkmaar: { latitude: 52.6324, longitude: 4.7534 },
  Hoorn: { latitude: 52.6424, longitude: 5.0597 },
  Amstelveen: { latitude: 52.3114, longitude: 4.8701 },
  Hoofddorp: { latitude: 52.303, longitude: 4.6889 },
  Haarlem: { latitude: 52.3874, longitude: 4.6462 },
  Beverwijk: { latitude: 52.4866, longitude: 4.6573 },
  Zaandam: { latitude: 52.442, longitude: 4.8292 },
  Amsterdam: { latitude: 52.3906, longitude: 4.9215 },
  Hilversum: { latitude: 52.2292, longitude: 5.1669 },
  // Gelderland
  Apeldoorn: { latitude: 52.2112, longitude: 5.9699 },
  Zevenaar: { latitude: 51.93, longitude: 6.0708 },
  Arnhem: { latitude: 51.9851, longitude: 5.8987 },
  Culemborg: { latitude: 51.9553, longitude: 5.2278 },
  Doetinchem: { latitude: 51.965, longitude: 6.2886 },
  Tiel: { latitude: 51.8866, longitude: 5.4292 },
  Ede: { latitude: 52.0402, longitude: 5.6649 },
  Nijmegen: { latitude: 51.8126, longitude: 5.8372 },
  Harderwijk: { latitude: 52.342, longitude: 5.62 },
  Zutphen: { latitude: 52.142, longitude: 6.196 },
  Zaltbommel: { latitude: 51.81, longitude: 5.248 },
  // Overijssel
  Hengelo: { latitude: 52.2659, longitude: 6.7931 },
  Zwolle: { latitude: 52.5168, longitude: 6.083 },
  Deventer: { latitude: 52.255, longitude: 6.1639 },
  Raalte: { latitude: 52.387, longitude: 6.275 },
  Hardenberg: { latitude: 52.575, longitude: 6.619 },
  Kampen: { latitude: 52.555, longitude: 5.911 },
  // Utrecht
  Amersfoort: { latitude: 52.1561, longitude: 5.3878 },
  Utrecht: { latitude: 52.0907, longitude: 5.1214 },
  Woerden: { latitude: 52.0856, longitude: 4.8833 },
  Zeist: { latitude: 52.0894, longitude: 5.2333 },
  Nieuwegein: { latitude: 52.029, longitude: 5.08 },
  // Friesland
  Heerenveen: { latitude: 52.9597, longitude: 5.92 },
  Drachten: { latitude: 53.107, longitude: 6.099 },
  Sneek: { latitude: 53.033, longitude: 5.659 },
  Dokkum: { latitude: 53.326, longitude: 5.999 },
  Harlingen: { latitude: 53.1745, longitude: 5.4214 },
  // Limburg
  Venlo: { latitude: 51.3704, longitude: 6.1724 },
  Heerlen: { latitude: 50.8882, longitude: 5.9795 },
  Maastricht: { latitude: 50.8514, longitude: 5.691 },
  Sittard: { latitude: 51.0, longitude: 5.869 },
  // Groningen
  Stadskanaal: { latitude: 52.989, longitude: 6.951 },
  Groningen: { latitude: 53.2194, longitude: 6.5665 },
  Delfzijl: { latitude: 53.33, longitude: 6.918 },
  Leek: { latitude: 53.162, longitude: 6.377 },
  // Drenthe
  Assen: { latitude: 52.9925, longitude: 6.5649 },
  Meppel: { latitude: 52.696, longitude: 6.194 },
  Emmen: { latitude: 52.7792, longitude: 6.9069 },
  // Flevoland
  Almere: { latitude: 52.3508, longitude: 5.2647 },
  Emmeloord: { latitude: 52.71, longitude: 5.75 },
  Lelystad: { latitude: 52.5185, longitude: 5.4714 },
  // Zeeland
  Goes: { latitude: 51.504, longitude: 3.888 },
  // Caribisch Nederland
  'Kralendijk (Bonaire)': { latitude: 12.1443, longitude: -68.2655 },
};
