/**
 * Common given names of the people business news quotes (English, European, Latin American,
 * Indian, Arabic and a few others). A run of two or three capitalised words that opens with
 * one of them is a person's name ("Daniel Kretinsky", "Carmen Lee of OCBC"), unless a company
 * word closes it. Left out on purpose: given names that open well-known firms' names and are
 * rarely written alone before a surname in this news (Charles Schwab, Charles Stanley, Morgan
 * Stanley, Jane Street, Edward Jones, Raymond James, Thomas Cook, Franklin Templeton, Grant
 * Thornton, Wells Fargo, Warner Bros., Piper Sandler, Allen & Co.). Known companies are matched
 * before this list is read, so a firm named after a person that the gazetteer knows stays a firm.
 */
const NAMES = `Aaron Adam Adrian Ahmed Aisha Akash Alan Albert Alberto Alejandro Alessandro Alex Alexander Alexandra Alexandre Alfred Ali Alice Alicia Alison
Amanda Amber Amit Amy Ana Anand Andre Andrea Andreas Andrew Andy Angela Anil Anita Ankur Ann Anna Anne Anthony Antoine Antonio Anupam Arjun Arnaud Arun Ashish Ashok
Barbara Bart Ben Benjamin Bernard Bernardo Bill Blake Bob Brad Bradley Brandon Brian Bruce Bruno Bryan Carl Carla Carlos Carmen Carol Caroline Catherine Cathie
Chris Christian Christina Christine Christoph Christopher Claire Claudia Colin Craig Cristina Dan Daniel Daniela Danny Darren David Deepak Dennis Derek Diana Diane
Diego Dieter Dinesh Dmitry Dominic Donald Doug Douglas Duncan Eduardo Elena Elizabeth Ellen Emily Emma Emmanuel Enrique Eric Erik Esther Eugene Eva Evan Fabio Farhan
Fatima Felipe Felix Fernando Florian Frank Frederic Gabriel Gary Gaurav Geoffrey George Georg Gerald Gerard Gerd Giovanni Giuseppe Glenn Gordon Graham Greg Gregory
Guillaume Gustavo Hamad Hans Harish Harold Harry Heather Heinz Helen Helmut Henrik Henry Hiroshi Howard Ian Igor Isabel Isabelle Ivan Jacob Jacques James Jamie Jan
Jason Javier Jean Jeff Jeffrey Jennifer Jens Jeremy Jerome Jessica Jim Joachim Joanna Joe Johan Johannes John Jonathan Jorge Jose Josef Joseph Josh Joshua Juan Judith
Julia Julian Julie Julien Jurgen Justin Karen Karl Katherine Kathy Keith Kelly Ken Kenneth Kevin Khalid Kim Kishore Klaus Kristina Kumar Lars Laura Lauren Laurent
Lawrence Lee Leon Leonardo Linda Lisa Lorenzo Luca Lucas Luis Lukas Luke Manish Manuel Marc Marcel Marco Marcelo Maria Marie Mario Mark Martin Mary Mateo Matteo
Matthew Matthias Maxim Mehmet Melissa Michael Michel Michelle Miguel Mike Mikhail Mohamed Mohammed Muhammad Nadia Nancy Naveen Neil Nicholas Nick Nicolas Nicole
Nikhil Nikolai Nina Noah Olga Oliver Olivier Omar Oscar Pablo Pascal Patricia Patrick Pedro Peter Philip Philipp Philippe Pierre Pradeep Prakash Priya Rachel Rahul
Raj Rajesh Rajiv Ravi Rebecca Ricardo Richard Rick Rob Robert Roberto Robin Rodrigo Roger Rohit Ronald Rosa Ross Ruth Ryan Saeed Sally Salman Sam Samuel Sandeep
Sandra Sanjay Sara Sarah Satya Scott Sean Sebastian Sergei Sergey Sergio Shankar Sharon Simon Simone Sofia Sophie Stefan Stefano Stephane Stephen Steve Steven
Stuart Sudhir Sultan Sunil Susan Suresh Sven Tamara Tanya Ted Teresa Thierry Tim Timothy Tobias Todd Tom Tony Uwe Valentina Valerie Vanessa Victor Vijay Vikram
Vincent Vivek Vladimir Walter Werner William Wolfgang Xavier Yasmin Yousef Yusuf Yves Zoe`;

const SET = new Set(NAMES.split(/\s+/).filter(Boolean));

/** Whether a capitalised word is a common given name. */
export function isGivenName(word: string): boolean {
  return SET.has(word);
}
